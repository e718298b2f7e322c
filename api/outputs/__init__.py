"""What the knowledge base writes out: the source's tables, the network as a figure,
citations, and the bulk export; ``formats`` names every format and chooses among them."""
