"""Understanding the cleaned text: entities (`entities`), dates (`dates`) and what else reads meaning."""
