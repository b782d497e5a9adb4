"""Write the sample files under samples/."""

from . import FILES, SAMPLES

for name, build in FILES.items():
    (SAMPLES / name).write_bytes(build())
