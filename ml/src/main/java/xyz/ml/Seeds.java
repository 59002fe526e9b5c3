package xyz.ml;

/** Seeds for the separate random draws of one cell, all from the cell's one seed. */
public final class Seeds {

  private Seeds() {}

  /**
   * A well-spread 64-bit seed from the cell's seed and a purpose (SplitMix64's finaliser), so
   * that draws for different purposes, and for neighbouring seeds, do not repeat each other.
   *
   * @param seed the cell's seed
   * @param salt a constant naming the purpose, such as the split or the initial weights
   */
  public static long mix(long seed, long salt) {
    long z = seed * 0x9e3779b97f4a7c15L + salt;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
