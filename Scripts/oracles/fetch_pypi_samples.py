"""Fetch real Requires-Dist lines and wheel filenames from PyPI, once.

Writes Scripts/oracles/data/requires_dist.txt (one Requires-Dist value a line) and
Scripts/oracles/data/wheel_filenames.txt (one wheel filename a line). The vector
scripts read these files, so the vectors can be regenerated offline.

    $ORACLE_VENV/bin/python Scripts/oracles/fetch_pypi_samples.py
"""

import concurrent.futures
import json
import pathlib
import random
import urllib.request

HERE = pathlib.Path(__file__).parent
DATA = HERE / "data"

# Popular projects (by download counts), and the native-wheel projects whose
# filenames exercise platform tags.
POPULAR = """
boto3 botocore urllib3 requests setuptools certifi charset-normalizer idna typing-extensions
python-dateutil packaging s3transfer aiobotocore six numpy pyyaml grpcio-status pip
fsspec cryptography s3fs pydantic cffi attrs pycparser google-api-core protobuf pandas
jmespath importlib-metadata wheel zipp rsa pyasn1 click platformdirs markupsafe jinja2
pytz colorama pydantic-core pyjwt filelock tomli annotated-types virtualenv cachetools
wrapt pluggy googleapis-common-protos pytest jsonschema pyasn1-modules aiohttp
google-auth sqlalchemy multidict yarl pyarrow frozenlist aiosignal psutil docutils
tzdata openpyxl exceptiongroup requests-oauthlib oauthlib scipy pyparsing grpcio
greenlet soupsieve beautifulsoup4 async-timeout iniconfig tqdm isodate lxml werkzeug
pillow decorator et-xmlfile distlib tomlkit rich pygments more-itertools deprecated
proto-plus sniffio anyio httpx httpcore h11 pyopenssl msgpack coverage azure-core
google-cloud-storage websocket-client flask itsdangerous asn1crypto regex
google-resumable-media google-cloud-core google-crc32c psycopg2-binary gitpython
requests-toolbelt grpcio-tools markdown-it-py mdurl shellingham poetry-core keyring
jaraco-classes jeepney secretstorage pexpect ptyprocess tabulate mypy-extensions
fastapi starlette uvicorn httptools uvloop watchfiles websockets python-dotenv
pyzmq tornado jupyter-core traitlets ipython jedi parso prompt-toolkit wcwidth
matplotlib kiwisolver fonttools contourpy cycler scikit-learn joblib threadpoolctl
networkx sympy mpmath torch transformers tokenizers huggingface-hub safetensors
orjson ujson simplejson redis celery kombu billiard vine amqp confluent-kafka
kafka-python pymongo dnspython motor elasticsearch opensearch-py sentry-sdk
structlog loguru gunicorn gevent zope-interface zope-event msal msal-extensions
azure-identity azure-storage-blob boto3-stubs mypy black isort flake8 pycodestyle
pyflakes mccabe pylint astroid ruff pre-commit identify nodeenv cfgv tox nox
hypothesis sortedcontainers pytest-cov pytest-mock pytest-xdist execnet
pytest-asyncio mock responses freezegun faker dill cloudpickle multiprocess
xxhash zstandard brotli lz4 python-snappy cramjam fastavro avro-python3
marshmallow alembic mako psycopg asyncpg aiomysql pymysql mysqlclient
sqlparse django djangorestframework celery-redbeat kubernetes docker paramiko
bcrypt pynacl fabric invoke scp numba llvmlite tensorflow keras h5py
opencv-python opencv-python-headless shapely pyproj rtree geopandas fiona
xgboost lightgbm catboost statsmodels patsy seaborn plotly dash polars
duckdb pyspark py4j thrift apache-beam google-cloud-bigquery db-dtypes
google-cloud-pubsub grpc-google-iam-v1 opentelemetry-api opentelemetry-sdk
opentelemetry-proto opentelemetry-exporter-otlp-proto-grpc prometheus-client
datadog ddtrace bytecode envier wrapt cattrs jsonpointer jsonpatch rfc3339-validator
referencing rpds-py jsonschema-specifications pyrsistent argon2-cffi argon2-cffi-bindings
nest-asyncio debugpy ipykernel comm matplotlib-inline pure-eval stack-data asttokens
executing notebook jupyterlab nbformat nbconvert nbclient mistune bleach tinycss2
webencodings defusedxml pandocfilters fastjsonschema terminado send2trash
pywin32 pywinpty cython pybind11 scikit-build-core meson-python ninja cmake
maturin setuptools-scm hatchling flit-core pdm-backend trove-classifiers
grpcio-health-checking grpcio-reflection google-cloud-logging google-cloud-secret-manager
pydantic-settings typer python-multipart email-validator jiter openai anthropic
tiktoken langchain langchain-core langsmith tenacity backoff retrying ratelimit
aiofiles aiodns pycares cchardet chardet ftfy unidecode python-slugify text-unidecode
markdown pyrsistent pendulum arrow humanize babel pytzdata tzlocal croniter
apscheduler schedule watchdog inflection jsonpickle pyhumps toolz cytoolz
more-itertools boltons attrs-strict typeguard beartype pyinstaller pywavelets
scikit-image imageio tifffile lazy-loader numexpr bottleneck tables blosc2
msgspec cbor2 pyyaml-include ruamel-yaml ruamel-yaml-clib jq pyjq cysimdjson
simdjson rapidjson python-rapidjson ijson tomli-w
""".split()

NATIVE = """
grpcio numpy cryptography pydantic-core greenlet confluent-kafka google-crc32c orjson lxml
psycopg2-binary pyarrow pandas scipy pillow psutil aiohttp multidict yarl frozenlist
regex ujson msgpack markupsafe pyyaml cffi bcrypt pynacl zstandard xxhash rpds-py
uvloop httptools watchfiles websockets pyzmq kiwisolver contourpy matplotlib
ruamel-yaml-clib shapely pyproj tokenizers safetensors jiter tiktoken msgspec
""".split()

SIMPLE = "https://pypi.org/simple/{}/"


def get(url, accept=None):
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def project_files(name):
    try:
        body = get(SIMPLE.format(name), "application/vnd.pypi.simple.v1+json")
    except Exception:
        return []
    return json.loads(body).get("files", [])


def requires_of(url):
    try:
        text = get(url + ".metadata").decode("utf-8", "replace")
    except Exception:
        return []
    lines = []
    for line in text.split("\n"):
        if line == "":
            break
        if line.lower().startswith("requires-dist:"):
            lines.append(line.split(":", 1)[1].strip())
    return lines


def recent_wheel_requires(name, releases=8):
    """Requires-Dist of one wheel of each of the project's newest releases."""
    files = [f for f in project_files(name) if f["filename"].endswith(".whl")]
    files.sort(key=lambda f: f.get("upload-time") or "", reverse=True)
    seen, chosen = set(), []
    for f in files:
        version = f["filename"].split("-")[1]
        if version not in seen:
            seen.add(version)
            chosen.append(f["url"])
        if len(chosen) == releases:
            break
    lines = []
    for url in chosen:
        lines.extend(requires_of(url))
    return name, lines


def main():
    DATA.mkdir(exist_ok=True)
    names = sorted(set(POPULAR))
    requires = []
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for name, lines in pool.map(recent_wheel_requires, names):
            requires.extend(lines)
    (DATA / "requires_dist.txt").write_text("\n".join(sorted(set(requires))) + "\n")

    # Per project: the newest wheels (the tags that matter today) and a sample of
    # older ones (manylinux1, cp27mu, macosx_10_6_intel and other historic tags).
    wheels = set()
    chooser = random.Random(508)
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for files in pool.map(project_files, sorted(set(NATIVE))):
            files = [f for f in files if f["filename"].endswith(".whl")]
            files.sort(key=lambda f: (f.get("upload-time") or "", f["filename"]))
            newest, older = files[-120:], files[:-120]
            wheels.update(f["filename"] for f in newest)
            wheels.update(f["filename"] for f in chooser.sample(older, min(40, len(older))))
    (DATA / "wheel_filenames.txt").write_text("\n".join(sorted(wheels)) + "\n")
    print(len(requires), "requires-dist lines;", len(wheels), "wheel filenames")


if __name__ == "__main__":
    main()
