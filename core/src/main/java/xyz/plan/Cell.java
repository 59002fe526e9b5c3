package xyz.plan;

import java.util.Map;

/**
 * One cell of a study's grid: one run of the experiment with one set of parameters.
 *
 * @param id the stable id: {@code c} and 16 hex digits of a hash of the normalised parameters and
 *     the experiment's identity; the leading letter keeps spreadsheets and pandas reading it as
 *     text
 * @param index the position of the cell in plan order, from 0
 * @param params the parameters, keyed by axis name in axis order
 */
public record Cell(String id, int index, Map<String, Object> params) {}
