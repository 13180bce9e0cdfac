"""Plain, MkDocs-free building blocks of the site generator; hooks/*.py are thin glue over them."""
