"""Fetch the release version lists of popular PyPI projects, once.

Writes data/pypi_versions.json: {"project": ["1.0", "1.1rc1", ...], ...} with
every version string exactly as the PyPI simple JSON API (PEP 691) lists it,
including the ones that are not PEP 440. The vector generators and the
benchmark read this file; re-run only to refresh it.

    $ORACLE_VENV/bin/python Scripts/oracles/fetch_pypi_versions.py
"""

import json
import pathlib
import time
import urllib.request

PROJECTS = """
boto3 botocore urllib3 requests setuptools certifi idna charset-normalizer typing-extensions
python-dateutil packaging s3transfer six aiobotocore pyyaml numpy fsspec s3fs grpcio-status
pip cryptography pydantic attrs protobuf google-api-core cffi pycparser pandas importlib-metadata
jmespath zipp rsa pyasn1 click platformdirs markupsafe jinja2 wheel pytz colorama awscli
filelock pydantic-core tomli virtualenv pluggy pyjwt wrapt googleapis-common-protos
cachetools google-auth pytest aiohttp pyasn1-modules sqlalchemy multidict yarl
frozenlist aiosignal psutil annotated-types docutils requests-oauthlib oauthlib exceptiongroup
pyarrow iniconfig greenlet soupsieve beautifulsoup4 tomlkit pygments pyparsing isodate
grpcio scipy werkzeug tzdata decorator lxml distlib async-timeout pillow requests-toolbelt
more-itertools openpyxl et-xmlfile h11 httpx httpcore anyio sniffio deprecated
google-cloud-storage proto-plus tqdm flask itsdangerous msgpack coverage rich markdown-it-py
mdurl websocket-client pynacl paramiko bcrypt azure-core azure-storage-blob mypy-extensions
chardet regex gitpython gitdb smmap sortedcontainers scikit-learn joblib threadpoolctl
networkx matplotlib kiwisolver cycler fonttools contourpy tenacity pexpect ptyprocess
ipython traitlets jedi parso prompt-toolkit wcwidth asttokens executing pure-eval
stack-data matplotlib-inline django celery kombu billiard vine redis uvicorn fastapi
starlette gunicorn poetry poetry-core pendulum arrow babel sphinx alembic mako psycopg2-binary
pymysql grpcio-tools opentelemetry-api opentelemetry-sdk black mypy ruff isort flake8
pycodestyle pyflakes mccabe tensorflow torch transformers tokenizers huggingface-hub
safetensors shippo setuptools-scm pbr zope-interface twisted pywin32 pytest-cov nose
""".split()

def fetch(name: str) -> list[str]:
    request = urllib.request.Request(
        f"https://pypi.org/simple/{name}/",
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["versions"]


def main() -> None:
    out = pathlib.Path(__file__).parent / "data" / "pypi_versions.json"
    data = {}
    for name in PROJECTS:
        try:
            data[name] = fetch(name)
        except Exception as error:  # a missing project is skipped, not fatal
            print(f"skipped {name}: {error}")
        time.sleep(0.05)
    out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n")
    total = sum(len(v) for v in data.values())
    print(f"{len(data)} projects, {total} version strings -> {out}")


if __name__ == "__main__":
    main()
