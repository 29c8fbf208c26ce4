"""Allowed values, declared once; columns, cleaning code, models and figures import them from here."""

CURRENCIES = ("USD", "KES", "GBP", "INR", "PHP", "UGX")
PAY_UNITS = ("hour", "day", "week", "month", "year", "task")
PAY_BASES = (
    "take-home",
    "advertised",
    "platform minimum",
    "platform recommended",
    "median",
    "mean",
    "client billing rate",
    "company-stated",
    "self-reported",
)
VERIFICATION_LEVELS = ("primary", "secondary", "self-reported", "unverified")
SOURCE_TYPES = (
    "investigative journalism",
    "news report",
    "academic study",
    "international organisation",
    "platform documentation",
    "company statement",
    "company blog",
    "opinion piece",
    "third-party site",
)
INCOME_GROUPS = ("Low income", "Lower middle income", "Upper middle income", "High income")
FX_SOURCES = ("wdi", "fed_h10")
LABEL_DATASETS = ("w241", "zencrowd_us", "zencrowd_in", "snow2008_rte")
# truth-inference benchmarks (label_benchmark only; see sources/truth_inference.py)
BENCHMARK_DATASETS = (
    "ti_bluebird",
    "ti_rte",
    "ti_trec",
    "ti_web",
    "ti_sentiment",
    "ti_relevance",
    "ti_adult_content",
    "ti_fact_eval",
)
LABEL_METHODS = ("majority_vote", "ds_one_coin", "ds_full", "mace")
DESIGN2_GROUPS = ("CCC", "CCT", "CTT", "TTT")
W241_DESIGNS = ("pilot", "design1", "design2")
BUSINESS_MODELS = (
    "microtask marketplace",
    "managed / impact-sourcing BPO",
    "expert AI-training",
    "freelance marketplace",
)
HIT_TASK_TYPES = (
    "moderation",
    "image annotation",
    "transcription",
    "survey",
    "data collection",
    "categorisation",
    "writing",
    "other",
)
RATE_KINDS = ("single", "range", "dual", "placeholder")
PLACEHOLDER_KINDS = ("not applicable", "not available")
PAY_KINDS = (
    "worker take-home",
    "worker gross",
    "advertised rate",
    "platform rule",
    "client billing rate",
    "company-stated",
    "self-reported",
)
PAID_TO = ("worker", "vendor")
