"""Evaluation helpers: corpus splits and scorers shared by ``goftar eval`` and bench/."""
