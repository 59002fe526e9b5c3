package xyz.collect;

/** Receives what {@link ObservationReader} finds in one cell's observations file. */
interface ObservationSink {

  /**
   * One value of a good line.
   *
   * @param seq the line number in the file, from 1
   * @param step the line's step; meaningful only when {@code hasStep}
   * @param hasStep whether the line had a step
   * @param observable the observable's name
   * @param value its value: a number, NaN or an infinity
   */
  void value(int seq, long step, boolean hasStep, String observable, double value);

  /**
   * A line left out.
   *
   * @param seq the line number in the file, from 1
   * @param reason why, without the line number
   */
  void badLine(int seq, String reason);
}
