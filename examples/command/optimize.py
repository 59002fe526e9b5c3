#!/usr/bin/env python3
"""A command experiment for xyz, in plain Python (standard library only).

It minimises a test function with a stochastic first-order optimiser and reports the loss every
few steps. xyz passes the cell's parameters on the command line (see study.yaml); they are also in
the XYZ_PARAM_<name> environment variables and in the JSON file named by XYZ_PARAMS. Observables
go, one JSON object per line, to the file named by XYZ_OBSERVATIONS.
"""
import argparse
import json
import math
import os
import random
import sys


def rosenbrock(x, y):
    value = (1 - x) ** 2 + 100 * (y - x * x) ** 2
    return value, (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))


def quadratic(x, y):
    # An ill-conditioned bowl: curvature 1 along x, 50 along y.
    return 0.5 * (x * x + 50 * y * y), (x, 50 * y)


PROBLEMS = {"rosenbrock": (rosenbrock, (-1.5, 2.0)), "quadratic": (quadratic, (3.0, 1.0))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--method", choices=["sgd", "momentum", "adam"], required=True)
    parser.add_argument("--problem", choices=sorted(PROBLEMS), required=True)
    parser.add_argument("--lr", type=float, required=True)
    parser.add_argument("--noise", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()

    f, (x, y) = PROBLEMS[args.problem]
    optimum = (1.0, 1.0) if args.problem == "rosenbrock" else (0.0, 0.0)
    with open(os.environ["XYZ_OBSERVATIONS"], "w", encoding="utf-8") as out:
        run(args, f, x, y, optimum, out)


def run(args, f, x, y, optimum, out):
    rng = random.Random(args.seed)
    vx = vy = mx = my = 0.0
    for step in range(1, args.steps + 1):
        _, (gx, gy) = f(x, y)
        gx += rng.gauss(0, args.noise)
        gy += rng.gauss(0, args.noise)
        if args.method == "sgd":
            x, y = x - args.lr * gx, y - args.lr * gy
        elif args.method == "momentum":
            vx, vy = 0.9 * vx + gx, 0.9 * vy + gy
            x, y = x - args.lr * vx, y - args.lr * vy
        else:
            mx, my = 0.9 * mx + 0.1 * gx, 0.9 * my + 0.1 * gy
            vx, vy = 0.999 * vx + 0.001 * gx * gx, 0.999 * vy + 0.001 * gy * gy
            c1, c2 = 1 - 0.9 ** step, 1 - 0.999 ** step
            x -= args.lr * (mx / c1) / (math.sqrt(vx / c2) + 1e-8)
            y -= args.lr * (my / c1) / (math.sqrt(vy / c2) + 1e-8)
        if not (math.isfinite(x) and math.isfinite(y)) or abs(x) + abs(y) > 1e6:
            # A diverged run is a result, not a failure: its loss is infinite from here on.
            out.write(json.dumps({"step": step, "loss": "inf"}) + "\n")
            out.write(json.dumps({"final_loss": "inf", "distance": "inf"}) + "\n")
            print(f"diverged at step {step}", file=sys.stderr)
            return
        if step % 5 == 0 or step == 1:
            out.write(json.dumps({"step": step, "loss": f(x, y)[0]}) + "\n")
    distance = math.hypot(x - optimum[0], y - optimum[1])
    out.write(json.dumps({"final_loss": f(x, y)[0], "distance": distance}) + "\n")
    print(f"{args.method} on {args.problem} with lr {args.lr}: loss {f(x, y)[0]:.4g}")


if __name__ == "__main__":
    main()
