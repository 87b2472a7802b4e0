"""Views only show: each format module has one ``show(answer)`` over every answer type."""
