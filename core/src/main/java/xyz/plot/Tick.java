package xyz.plot;

/**
 * One labelled tick of an axis.
 *
 * @param position where it stands, in plot units (log10 of the value on a logarithmic axis)
 * @param label its text; empty for a tick that only draws a grid line
 */
record Tick(double position, String label) {}
