"""Statistical models: pay -> label accuracy, completion (first-page abandonment) and time to
fill in the W241 experiment, with few-cluster inference; ZenCrowd gap; evidence synthesis."""
