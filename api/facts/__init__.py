"""Every kind of curated fact, declared once, and how its entries become rows."""
