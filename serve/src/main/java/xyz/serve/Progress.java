package xyz.serve;

/**
 * How far a study has come: its planned cells counted by where they are.
 *
 * @param cells the cells of the plan
 * @param done cells that ended done
 * @param failed cells that ended failed, timed out or interrupted, and are not running again
 * @param running cells with an attempt in progress (a folder under {@code work/})
 * @param left cells that have not ended and are not running
 * @param version a number that grows whenever the counts or the data the views read change
 */
record Progress(int cells, int done, int failed, int running, int left, long version) {}
