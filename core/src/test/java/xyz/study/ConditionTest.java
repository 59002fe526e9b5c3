package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
  /** A cell of method svm on digits, p = 0.2 (a Double), seed = 3 (a Long), no trees. */
  private static final Map<String, Object> CELL = cell();

  private static Map<String, Object> cell() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("method", "svm");
    params.put("dataset", "digits");
    params.put("p", 0.2);
    params.put("seed", 3L);
    params.put("bias", true);
    return params;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      method == 'svm'                           | true
      method == "svm"                           | true
      method != 'svm'                           | false
      method == 'tree'                          | false
      p > 0.1                                   | true
      p >= 0.2                                  | true
      p < 0.2                                   | false
      p <= 0.2                                  | true
      p == 0.2                                  | true
      seed == 3                                 | true
      seed == 3.0                               | true
      seed > 2.5                                | true
      3 == seed                                 | true
      0.5 > p                                   | true
      p > -1                                    | true
      method in ['logreg', 'svm']               | true
      method not in ['logreg', 'svm']           | false
      seed in [1, 2]                            | false
      seed not in [1, 2]                        | true
      method == 'svm' and dataset == 'digits'   | true
      method == 'svm' and dataset == 'iris'     | false
      method == 'tree' or p > 0.1               | true
      not method == 'svm'                       | false
      not (method == 'svm' or p > 5)            | false
      method == 'tree' or method == 'svm' and p > 1 | false
      (method == 'tree' or method == 'svm') and p > 0 | true
      bias                                      | true
      not bias                                  | false
      bias == true                              | true
      bias == false                             | false
      true                                      | true
      false or seed == 3                        | true
      dataset < 'e'                             | true
      method < 1                                | false
      trees > 10                                | false
      trees <= 10                               | false
      trees == 10                               | false
      trees != 10                               | false
      trees in [10, 20]                         | false
      trees not in [10, 20]                     | false
      not trees > 10                            | true
      seed == '3'                               | true
      """)
  void evaluates(String text, boolean expected) {
    Condition condition = Condition.parse(text);

    assertThat(condition.test(CELL)).isEqualTo(expected);
    assertThat(condition.bind(CELL.keySet().stream().toList()).test(CELL.values().toArray()))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = " | ", quoteCharacter = '"', textBlock = """
      method = 'svm'             | 7  | '=' is not an operator
      p > 0.5 && seed == 1       | 8  | '&&' is not an operator
      p > 0.5 || seed == 1       | 8  | '||' is not an operator
      !bias                      | 0  | '!' is not an operator
      p >                        | 3  | expected a name or a value after '>', found the end
      p > 0.5 seed               | 8  | unexpected 'seed'
      (p > 0.5                   | 8  | expected ')', found the end
      method in 'svm'            | 10 | expected '[' after 'in', found 'svm'
      method in [svm]            | 11 | a list after 'in' holds values, not names
      method in ['a' 'b']        | 15 | expected ',' or ']', found 'b'
      method == 'svm             | 10 | the text starting here has no closing '
      p > 1.2.3                  | 4  | '1.2.3' is not a number
      0.5                        | 0  | a value alone is not a condition
      p ~ 1                      | 2  | unexpected character '~'
      ""                         | 0  | expected a name or a value, found the end
      """)
  void reportsWhereItFails(String text, int position, String message) {
    ConditionSyntaxException e = catchThrowableOfType(ConditionSyntaxException.class,
        () -> Condition.parse(text));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.position()).isEqualTo(position);
    assertThat(e.fix()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      method == 'svm' and p > 0.5          | method@0 p@20       | method=svm@10
      'digits' != dataset                  | dataset@12         | dataset=digits@0
      method in ['a', 'b'] or seed         | method@0 seed@24   | method=a@11 method=b@16
      """)
  void listsItsNamesAndTextValues(String text, String names, String matches) {
    Condition condition = Condition.parse(text);

    assertThat(String.join(" ", condition.names().stream()
        .map(n -> n.name() + "@" + n.position()).toList())).isEqualTo(names);
    assertThat(String.join(" ", condition.matches().stream()
        .map(m -> m.axis() + "=" + m.label() + "@" + m.position()).toList())).isEqualTo(matches);
  }
}
