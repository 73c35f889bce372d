"""Understanding the cleaned text: named entities (`warta.understand.entities`)."""
