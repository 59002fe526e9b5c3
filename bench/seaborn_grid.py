"""The seaborn peer of the facet-grid workload: 18 nets x 11 datasets x 15 learning rates x 350
epochs of synthetic accuracy curves (fixed seed), relplot(row, col, hue, kind="line") and
savefig. Usage: seaborn_grid.py SEEDS OUT.png; prints the seconds relplot+savefig took."""
import sys, time
import matplotlib
matplotlib.use("Agg")
import numpy as np
import pandas as pd
import seaborn as sns

seeds, out = int(sys.argv[1]), sys.argv[2]
nets = ["CNN", "AlexNet", "VGG11_bn", "VGG13_bn", "VGG16_bn", "VGG19_bn", "ResNet18",
        "ResNet34", "ResNet50", "ResNet101", "ResNet152", "SqueezeNet_1_0", "SqueezeNet_1_1",
        "DenseNet121", "DenseNet161", "DenseNet169", "DenseNet201", "Inception3"]
datasets = ["MNIST", "FashionMNIST", "EMNIST_byclass", "EMNIST_bymerge", "EMNIST_balanced",
            "EMNIST_letters", "EMNIST_digits", "CIFAR10", "CIFAR100", "STL10", "SVHN"]
rates = [0.5, 0.25, 0.1, 0.075, 0.05, 0.025, 0.01, 0.0075, 0.005, 0.0025, 0.001, 0.00075,
         0.0005, 0.00025, 0.0001]
epochs = np.arange(1, 351)
rng = np.random.default_rng(7)
parts = []
for i, net in enumerate(nets):
    for j, ds in enumerate(datasets):
        ceiling = 0.6 + 0.35 * rng.random()
        for lr in rates:
            speed = 5 + 60 * abs(np.log10(lr) + 2)
            for seed in range(seeds):
                acc = ceiling * (1 - np.exp(-epochs / speed)) + rng.normal(0, 0.01, epochs.size)
                parts.append(pd.DataFrame({"net": net, "dataset": ds, "lr": lr,
                                           "seed": seed, "epoch": epochs, "acc": acc}))
data = pd.concat(parts, ignore_index=True)
start = time.time()
g = sns.relplot(data=data, x="epoch", y="acc", row="net", col="dataset", hue="lr",
                kind="line", palette="viridis", height=1.5, aspect=1.2)
g.savefig(out, dpi=72)
print("%.3f" % (time.time() - start))
