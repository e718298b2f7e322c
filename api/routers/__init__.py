"""The API's routes, one module per resource.

Where an endpoint runs: the reads a script asks most (species, MALDI measurements,
transformations, materials: a few small statements each) are ``async def`` and run
on the event loop. Handing each to the thread pool and back cost more than the
work under load: the hop, and the interpreter lock passed between the two threads
(bench/RESULTS.md, the run of 2026-12-02 at 12:06). Every other endpoint is
a plain ``def`` in the thread pool: the writes (they may wait for the write lock),
and the reads that may run long (paths, networks, figures, exports, bibliographies),
so that a long one never holds up the requests behind it. A streamed list reads its
batches in the thread pool whatever its endpoint is.
"""
