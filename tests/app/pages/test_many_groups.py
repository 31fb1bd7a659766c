"""Charts that hold many districts: every group labelled, no legend cut (issue 25)."""

from explore.app.pages.common import LEGEND_COLUMNS, MAX_SIDE_LEGEND, legend_height


def test_a_long_legend_goes_below_the_chart_and_the_chart_grows_for_it():
    assert legend_height(MAX_SIDE_LEGEND) == 0  # beside the chart
    rows = -(-30 // LEGEND_COLUMNS)
    assert legend_height(30) >= 20 * rows  # 30 districts: every row of the legend gets its height
    assert legend_height(80) > legend_height(30)
