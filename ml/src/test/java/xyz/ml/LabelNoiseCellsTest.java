package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.UserError;
import xyz.ml.LabelNoiseFindings.Row;

class LabelNoiseCellsTest {

  @TempDir
  Path dir;

  private Path write(String content) throws Exception {
    Path file = dir.resolve("cells.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void reads_the_columns_it_needs_among_others_and_quoted_fields() throws Exception {
    Path file = write("""
        cell_id,cell_index,method,dataset,p,seed,train_acc,test_acc,fit_seconds,state,error
        c01,0,tree,iris,0.0,0,1.0,0.93,0.01,done,
        c02,1,svm,wine,0.2,2,0.98,0.9,0.02,done,""
        c03,2,gbt,digits,1.0,1,,,,failed,"died, with a comma
        and a second line"
        """);

    assertThat(LabelNoiseCells.read(file)).containsExactly(
        new Row("tree", "iris", 0.0, 0, 1.0, 0.93),
        new Row("svm", "wine", 0.2, 2, 0.98, 0.9),
        new Row("gbt", "digits", 1.0, 1, Double.NaN, Double.NaN));
  }

  @Test
  void missing_column_is_named_with_the_header_found() throws Exception {
    Path file = write("method,dataset,p,seed,test_acc\ntree,iris,0,0,0.9\n");

    assertThatThrownBy(() -> LabelNoiseCells.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ":1: no column 'train_acc' in the header (method, dataset, p, seed,"
            + " test_acc)\n  fix: give the cells.csv of a label-noise study, as `xyz collect`"
            + " writes it");
  }

  @Test
  void value_of_the_wrong_kind_is_named_with_line_and_column() throws Exception {
    Path file = write("method,dataset,p,seed,train_acc,test_acc\n"
        + "tree,iris,0,0,1,0.9\ntree,iris,0,one,1,0.9\n");

    assertThatThrownBy(() -> LabelNoiseCells.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ":3: column 4 ('seed') is 'one', not an integer\n"
            + "  fix: write an integer there, or write it again with `xyz collect` on the study");
  }

  @Test
  void short_row_is_named_with_line_and_the_field_it_lacks() throws Exception {
    Path file = write("method,dataset,p,seed,train_acc,test_acc\ntree,iris,0,0\n");

    assertThatThrownBy(() -> LabelNoiseCells.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ":2: the row has 4 fields, so no 'train_acc' (column 5)\n"
            + "  fix: give the row 6 fields, as the header has, or write it again with"
            + " `xyz collect` on the study");
  }

  @Test
  void empty_file_says_what_header_it_needs() throws Exception {
    Path file = write("");

    assertThatThrownBy(() -> LabelNoiseCells.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": the file is empty, with no header\n"
            + "  fix: write it again with `xyz collect` on the study; its header names method,"
            + " dataset, p, seed, train_acc, test_acc among others");
  }

  @Test
  void missing_file_says_how_to_make_it() {
    Path file = dir.resolve("nowhere.csv");
    assertThatThrownBy(() -> LabelNoiseCells.read(file))
        .isInstanceOf(UserError.class)
        .hasMessage(file + ": no such file\n  fix: run `xyz collect` on the study first");
  }
}
