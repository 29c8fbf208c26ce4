"""Statistical models: pay -> label error and pay -> turnover, with few-cluster inference."""
