"""The label_benchmark figure: draws from a tiny table, text readable at print size."""

import matplotlib.text
import pandas as pd

from ailabor.figures import labels as fig_labels
from ailabor.figures.style import MIN_FONT_PT


def tiny_table():
    rows = []
    for d, n_gold in (("zencrowd_us", 2040), ("ti_bluebird", 108)):
        for i, m in enumerate(fig_labels.METHOD_STYLE):
            acc = 0.7 + 0.05 * i
            rows.append(
                {
                    "dataset": d,
                    "method": m,
                    "n_gold_tasks": n_gold,
                    "n_workers_ranked": 20,
                    "label_accuracy": acc,
                    "label_accuracy_ci_low": acc - 0.03,
                    "label_accuracy_ci_high": min(acc + 0.03, 1.0),
                    "worker_rank_spearman": 0.2 * i - 0.1,
                }
            )
    return pd.DataFrame(rows)


def test_figure_draws_with_readable_text(tmp_path, monkeypatch):
    captured = {}

    def fake_save(fig, stem):
        captured["fig"] = fig
        return [stem]

    monkeypatch.setattr(fig_labels, "save", fake_save)
    fig_labels.label_benchmark(tiny_table(), tmp_path / "x")
    fig = captured["fig"]
    # Printed at about its own width (the paper includes it at 100% of a 6.5 in text width).
    assert fig.get_figwidth() <= 6.6
    texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]
    assert texts and min(t.get_fontsize() for t in texts) >= MIN_FONT_PT
    ylabels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ylabels == ["ZenCrowd US (2,040; 20)", "Bluebird (108; 20)"]


def test_figure_writes_files(tmp_path):
    paths = fig_labels.label_benchmark(tiny_table(), tmp_path / "lb")
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
