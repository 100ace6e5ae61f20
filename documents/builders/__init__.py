"""Build the snapshot of each document from the congress's data: one module per document family.

One function per document, ``build_<kind>(congress, ...) -> snapshot``. Each reads
the database through the owning app's services and models, and returns a frozen
snapshot from :mod:`documents.snapshots`; the snapshot checks its own arithmetic.
When the data a document is made from does not exist yet (attendance not taken,
a count not sealed, a resolution not adopted) the builder raises
:class:`~documents.snapshots.DocumentNotReady` with a Vietnamese message saying what
is missing: a half-filled official document is never printed.

The registry (documents.registry) names every document and its builder.
"""
