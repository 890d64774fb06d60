"""The chat workspace's widgets and models: plain data in, Qt signals out."""
