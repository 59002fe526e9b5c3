package xyz.study;

/** What an axis of the grid stands for in an XYZ study. */
public enum AxisRole {
  /** X: the methods compared. */
  METHOD,
  /** Y: the datasets. */
  DATASET,
  /** Z: a control parameter (learning rate, label noise, seed...). */
  CONTROL
}
