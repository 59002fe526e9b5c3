package xyz.nn.data;

import java.util.List;

/**
 * A labelled image dataset with its own training and test parts, held as unsigned bytes so that
 * all of MNIST's 70,000 images fit in 55 MB. The arrays are shared by every cell that uses the
 * dataset: read them, never write to them.
 *
 * @param name the name study files use, such as {@code mnist}
 * @param height the rows of each image
 * @param width the columns of each image
 * @param classes the class names, in label order
 * @param train the training part
 * @param test the test part
 */
public record ImageSet(
    String name, int height, int width, List<String> classes, Part train, Part test) {

  /** Checks that both parts hold images of this size. */
  public ImageSet {
    classes = List.copyOf(classes);
    for (Part part : List.of(train, test)) {
      if (part.pixels().length != (long) part.size() * height * width) {
        throw new IllegalArgumentException(name + ": " + part.pixels().length + " pixels for "
            + part.size() + " images of " + height + "x" + width);
      }
    }
  }

  /**
   * One part of a dataset.
   *
   * @param pixels the images one after the other, each row after row; read with {@code & 0xff}
   * @param labels the class of each image, an index into the dataset's classes
   */
  public record Part(byte[] pixels, int[] labels) {

    /** The number of images. */
    public int size() {
      return labels.length;
    }
  }

  /** The number of pixels of one image. */
  public int pixelsPerImage() {
    return height * width;
  }

  /** The number of classes. */
  public int classCount() {
    return classes.size();
  }
}
