#!/usr/bin/env python3
"""Builds the corpus of real Poetry projects that compare_check_corpus.py runs
`preflight check` against the ground truth on: about 40 projects (data science, web,
cloud SDKs, native-heavy packages, old pins, markers/extras/groups, PEP 621, path/git/
url sources, sdist-only and pure-wheel packages, per-Python and per-architecture
splits), each locked by real Poetry from PyPI (needs network): Poetry 2.5.1
($ORACLE_VENV/bin/poetry, lock-version 2.1) and, for the `old-18-*` projects, Poetry 1.8.5
in /tmp/poetry18 (lock-version 2.0; `python3 -m venv /tmp/poetry18 &&
/tmp/poetry18/bin/pip install poetry==1.8.5`). The git dependency is a local repository
made under ROOT/gitrepo. Already locked projects are kept.

    make_check_corpus.py [ROOT [NAME...]]      ROOT defaults to /tmp/corpus

Run with $ORACLE_VENV/bin/python, then `compare_check_corpus.py ROOT`.
"""
import subprocess
import sys
import textwrap
import time
from pathlib import Path
ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/corpus")
P2 = "$ORACLE_VENV/bin/poetry"
P18 = "/tmp/poetry18/bin/poetry"

def poetry_project(name, python, deps, extra="", poetry=P2, package_mode=False):
    head = f'[tool.poetry]\nname = "{name}"\nversion = "0.1.0"\ndescription = ""\nauthors = ["x <x@example.com>"]\n'
    if not package_mode:
        head += "package-mode = false\n"
    body = head + "\n[tool.poetry.dependencies]\n" + f'python = "{python}"\n' + textwrap.dedent(deps).strip() + "\n" + textwrap.dedent(extra)
    body += '\n[build-system]\nrequires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"\n'
    return body, poetry

PROJECTS = {}
PROJECTS["ds-modern"] = poetry_project("ds-modern", ">=3.10,<4.0", '''
numpy = "*"
scipy = "*"
pandas = "*"
scikit-learn = "*"
pyarrow = "*"
polars = "*"
matplotlib = "*"
''')
PROJECTS["ds-old"] = poetry_project("ds-old", ">=3.8,<3.12", '''
numpy = "1.24.4"
pandas = "1.5.3"
pyyaml = "5.4.1"
scipy = "1.10.1"
''')
PROJECTS["web-django"] = poetry_project("web-django", "^3.10", '''
django = "^5.0"
psycopg2-binary = "*"
gunicorn = "*"
celery = {version = "*", extras = ["redis"]}
whitenoise = "*"
pillow = "*"
''')
PROJECTS["web-flask"] = poetry_project("web-flask", ">=3.9,<4", '''
flask = "*"
gevent = "*"
sqlalchemy = "~1.4"
ujson = "*"
pymysql = "*"
''')
PROJECTS["web-fastapi"] = poetry_project("web-fastapi", ">=3.11,<4.0", '''
fastapi = "*"
uvicorn = {version = "*", extras = ["standard"]}
pydantic = "^2"
orjson = "*"
httpx = "*"
sqlalchemy = {version = "^2", extras = ["asyncio"]}
asyncpg = "*"
''')
PROJECTS["web-aiohttp"] = poetry_project("web-aiohttp", ">=3.10,<4.0", '''
aiohttp = {version = "*", extras = ["speedups"]}
uvloop = {version = "*", markers = "sys_platform != 'win32'"}
msgpack = "*"
redis = {version = "*", extras = ["hiredis"]}
''')
PROJECTS["cloud-aws"] = poetry_project("cloud-aws", ">=3.10,<4.0", '''
boto3 = "*"
aiobotocore = "*"
s3fs = "*"
''')
PROJECTS["cloud-gcp"] = poetry_project("cloud-gcp", ">=3.10,<4.0", '''
google-cloud-storage = "*"
google-cloud-pubsub = "*"
google-cloud-bigquery = "*"
''')
PROJECTS["cloud-azure"] = poetry_project("cloud-azure", ">=3.10,<4.0", '''
azure-storage-blob = "*"
azure-identity = "*"
azure-servicebus = "*"
''')
PROJECTS["native-1"] = poetry_project("native-1", ">=3.10,<4.0", '''
cryptography = "*"
lxml = "*"
psycopg = {version = "*", extras = ["binary"]}
mysqlclient = "*"
orjson = "*"
ujson = "*"
msgpack = "*"
pyyaml = "*"
regex = "*"
rapidfuzz = "*"
''')
PROJECTS["native-2"] = poetry_project("native-2", ">=3.10,<4.0", '''
tokenizers = "*"
grpcio = "*"
confluent-kafka = "*"
pymssql = "*"
python-ldap = "*"
pycurl = "*"
''')
PROJECTS["old-pins"] = poetry_project("old-pins", ">=3.8,<4.0", '''
grpcio = "1.54.2"
grpcio-tools = "1.54.2"
greenlet = "2.0.2"
pydantic = "1.10.13"
cryptography = "3.4.8"
sqlalchemy = "1.4.49"
httpx = "0.25.2"
''')
PROJECTS["markers-heavy"] = poetry_project("markers-heavy", ">=3.8,<4.0", '''
numpy = [
  {version = "1.24.4", python = "<3.9"},
  {version = ">=1.26", python = ">=3.9"},
]
pywin32 = {version = "*", platform = "win32"}
uvloop = {version = "*", markers = "sys_platform != 'win32' and implementation_name == 'cpython'"}
tomli = {version = "*", python = "<3.11"}
colorama = {version = "*", markers = "sys_platform == 'win32'"}
typing-extensions = {version = "*", python = "<3.10"}
requests = {version = "*", optional = true}
pyyaml = {version = "*", optional = true}
''', extra='''
[tool.poetry.extras]
net = ["requests"]
yaml = ["pyyaml"]

[tool.poetry.group.dev.dependencies]
pytest = "*"

[tool.poetry.group.docs]
optional = true

[tool.poetry.group.docs.dependencies]
sphinx = "*"
''')
PROJECTS["multi-version"] = poetry_project("multi-version", ">=3.8", '''
numpy = "*"
pandas = "*"
importlib-metadata = {version = "*", python = "<3.10"}
''')
PROJECTS["sdist-pure"] = poetry_project("sdist-pure", ">=3.9,<4.0", '''
docopt = "*"
sgmllib3k = "*"
jsonpath = "*"
feedparser = "*"
''')
PROJECTS["pure-wheels"] = poetry_project("pure-wheels", ">=3.9,<4.0", '''
requests = "2.32.0"
six = "*"
attrs = "*"
click = "*"
enum34 = {version = "*", python = "<3.4"}
''')
PROJECTS["scenario-like"] = poetry_project("scenario-like", ">=3.11,<4.0", '''
sqlalchemy = "1.4.52"
grpcio-tools = "1.54.2"
httpx = "0.25.2"
protobuf = "*"
pydantic = "2.5.3"
''')
PROJECTS["abi3"] = poetry_project("abi3", ">=3.10,<4.0", '''
pydantic-core = "*"
cryptography = "^42"
bcrypt = "*"
argon2-cffi = "*"
pynacl = "*"
''')
PROJECTS["native-misc"] = poetry_project("native-misc", ">=3.10,<3.15", '''
pyzmq = "*"
psutil = "*"
simplejson = "*"
zstandard = "*"
lz4 = "*"
xxhash = "*"
brotli = "*"
mmh3 = "*"
numba = "*"
markupsafe = "*"
''')
PROJECTS["ml"] = poetry_project("ml", ">=3.10,<3.14", '''
transformers = "*"
sentencepiece = "*"
safetensors = "*"
onnxruntime = "*"
''')
PROJECTS["old-18-ds"] = poetry_project("old-18-ds", ">=3.9,<4.0", '''
numpy = "*"
pandas = "*"
scipy = {version = "*", python = ">=3.10"}
tomli = {version = "*", python = "<3.11"}
pywin32 = {version = "*", markers = "sys_platform == 'win32'"}
''', poetry=P18)
PROJECTS["old-18-web"] = poetry_project("old-18-web", ">=3.9,<4.0", '''
fastapi = "*"
uvicorn = {version = "*", extras = ["standard"]}
sqlalchemy = "^1.4"
psycopg2-binary = "*"
''', extra='''
[tool.poetry.group.test.dependencies]
pytest = "*"
pytest-asyncio = "*"
''', poetry=P18)
PROJECTS["old-18-legacy-dev"] = poetry_project("old-18-legacy-dev", "^3.8", '''
requests = "*"
lxml = "4.9.3"
''', extra='''
[tool.poetry.dev-dependencies]
black = "*"
mypy = "*"
''', poetry=P18)


def pp(name, python, deps, extra="", poetry=P2):
    return poetry_project(name, python, deps, extra, poetry)


def raw(text, poetry=P2):
    return textwrap.dedent(text), poetry


PROJECTS.update({
"torch": pp("torch-app", ">=3.10,<3.15", 'torch = "*"\ntorchvision = "*"\n'),
"tensorflow": pp("tensorflow-app", ">=3.10,<3.13", 'tensorflow = "*"\n'),
"jupyter": pp("jupyter", ">=3.10,<4", 'ipython = "*"\njupyterlab = "*"\n'),
"scrapy": pp("scrapy-app", ">=3.10,<4", 'scrapy = "*"\n'),
"dask": pp("dask-app", ">=3.10,<4", 'dask = {version = "*", extras = ["complete"]}\nhttpx = {version = "*", extras = ["http2", "brotli", "socks", "zstd"]}\nblack = {version = "*", extras = ["d", "jupyter"]}\n'),
"llm": pp("llm", ">=3.10,<4", 'langchain = "*"\nopenai = "*"\ntiktoken = "*"\nchromadb = "*"\n'),
"dbt": pp("dbt", ">=3.10,<3.14", 'dbt-core = "*"\ndbt-postgres = "*"\n'),
"streamlit": pp("streamlit-app", ">=3.10,<4", 'streamlit = "*"\n'),
"binary-tools": pp("binary-tools", ">=3.10,<4", 'ruff = "*"\nuv = "*"\ncmake = "*"\nninja = "*"\npatchelf = "*"\n'),
"old-18-tf": pp("old-18-tf", ">=3.9,<3.12", 'tensorflow = "2.13.1"\ngrpcio = "*"\n', poetry=P18),
"old-18-gcp": pp("old-18-gcp", ">=3.9,<4.0", 'google-cloud-pubsub = "*"\nconfluent-kafka = "*"\nsqlalchemy = "^2"\n', poetry=P18),
"groups-heavy": pp("groups-heavy", ">=3.10,<4", 'click = "*"\n', extra='''
[tool.poetry.group.test.dependencies]
pytest = "*"
pytest-cov = "*"

[tool.poetry.group.lint]
optional = true
[tool.poetry.group.lint.dependencies]
ruff = "*"

[tool.poetry.group.Docs_Group.dependencies]
mkdocs = "*"

[tool.poetry.group.typing]
include-groups = ["test"]
[tool.poetry.group.typing.dependencies]
mypy = "*"
'''),
"pep621-mixed": raw('''
[project]
name = "pep621.Mixed"
version = "0.4"
requires-python = ">=3.9,<4"
dependencies = [
  "requests[socks]>=2.31",
  "numpy>=1.26; python_version >= '3.12'",
  "numpy<2; python_version < '3.12'",
  "pywin32; platform_system == 'Windows'",
  "cffi; platform_python_implementation == 'CPython'",
]
[project.optional-dependencies]
db = ["psycopg[binary]>=3"]
[tool.poetry]
package-mode = false
[tool.poetry.dependencies]
requests = {source = "pypi"}
extra-ignored = "*"
[tool.poetry.group.dev.dependencies]
pytest = "*"
[dependency-groups]
ci = ["coverage"]
[build-system]
requires = ["poetry-core>=2"]
build-backend = "poetry.core.masonry.api"
'''),
"pep621-dynamic": raw('''
[project]
name = "dyn"
version = "1.0"
requires-python = ">=3.10"
dynamic = ["dependencies"]
[tool.poetry]
package-mode = false
[tool.poetry.dependencies]
lxml = ">=5"
orjson = {version = "*", markers = "platform_machine == 'x86_64'"}
ujson = {version = "*", markers = "platform_machine == 'aarch64'"}
[build-system]
requires = ["poetry-core>=2"]
build-backend = "poetry.core.masonry.api"
'''),
"py-split": pp("py-split", ">=3.9,<4", '''
numpy = [
  {version = "<2.1", python = "<3.10"},
  {version = "2.1.*", python = ">=3.10,<3.13"},
  {version = ">=2.3", python = ">=3.13"},
]
pandas = [
  {version = "1.5.3", python = "<3.11"},
  {version = ">=2.2", python = ">=3.11"},
]
greenlet = [
  {version = "2.0.2", python = "<3.12"},
  {version = ">=3.1", python = ">=3.12"},
]
'''),
"arch-split": pp("arch-split", ">=3.10,<4", '''
orjson = [
  {version = "3.9.15", markers = "platform_machine == 'aarch64'"},
  {version = ">=3.10", markers = "platform_machine != 'aarch64'"},
]
confluent-kafka = {version = "*", markers = "platform_machine == 'x86_64'"}
grpcio = [
  {version = "1.54.2", markers = "sys_platform == 'darwin'"},
  {version = ">=1.75", markers = "sys_platform != 'darwin'"},
]
'''),
})


def write_pep621():
    d = ROOT / "pep621"; d.mkdir(exist_ok=True)
    (d / "pyproject.toml").write_text('''[project]
name = "Pep621_Service"
version = "1.2.3"
requires-python = ">=3.10"
dependencies = [
  "httpx>=0.27",
  "pydantic>=2",
  "uvloop; sys_platform != 'win32'",
  "tomli; python_version < '3.11'",
  "rich[jupyter]",
]

[project.optional-dependencies]
fast = ["orjson"]

[dependency-groups]
test = ["pytest", "coverage[toml]"]
lint = ["ruff", {include-group = "test"}]

[tool.poetry]
package-mode = false

[build-system]
requires = ["poetry-core>=2"]
build-backend = "poetry.core.masonry.api"
''')

def write_sources():
    d = ROOT / "sources"; d.mkdir(exist_ok=True)
    lib = d / "libs" / "locallib"; (lib / "locallib").mkdir(parents=True, exist_ok=True)
    (lib / "locallib" / "__init__.py").write_text("")
    (lib / "pyproject.toml").write_text('''[project]
name = "locallib"
version = "0.3.0"
requires-python = ">=3.8"
dependencies = ["six"]

[build-system]
requires = ["poetry-core>=2"]
build-backend = "poetry.core.masonry.api"
''')
    (d / "pyproject.toml").write_text('''[tool.poetry]
package-mode = false

[tool.poetry.dependencies]
python = ">=3.10,<4.0"
locallib = {path = "libs/locallib", develop = true}
gitlib = {git = "file:///tmp/corpus/gitrepo", tag = "v2.0.0"}
idna = {url = "https://files.pythonhosted.org/packages/76/c6/c88e154df9c4e1a2a66ccf0005a88dfb2650c1dffb6f5ce603dfbd452ce3/idna-3.10-py3-none-any.whl"}
toolz = {url = "https://files.pythonhosted.org/packages/8a/0b/d80dfa675bf592f636d1ea0b835eab4ec8df6e9415d8cfd766df54456123/toolz-1.0.0.tar.gz"}

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
''')

def write_git_repository():
    repository = ROOT / "gitrepo"
    if (repository / ".git").exists():
        return
    (repository / "gitlib").mkdir(parents=True, exist_ok=True)
    (repository / "gitlib" / "__init__.py").write_text("")
    (repository / "pyproject.toml").write_text('''[project]
name = "gitlib"
version = "2.0.0"
requires-python = ">=3.9"
dependencies = ["attrs>=23"]

[build-system]
requires = ["poetry-core>=2"]
build-backend = "poetry.core.masonry.api"
''')
    git = ["git", "-c", "user.email=corpus@example.com", "-c", "user.name=corpus"]
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    subprocess.run(["git", "add", "."], cwd=repository, check=True)
    subprocess.run(git + ["commit", "-qm", "gitlib 2.0.0"], cwd=repository, check=True)
    subprocess.run(["git", "tag", "v2.0.0"], cwd=repository, check=True)


def main(names):
    ROOT.mkdir(parents=True, exist_ok=True)
    write_git_repository()
    write_pep621()
    write_sources()
    for name, (body, poetry) in PROJECTS.items():
        d = ROOT / name; d.mkdir(exist_ok=True)
        (d / "pyproject.toml").write_text(body)
    todo = [(n, PROJECTS[n][1] if n in PROJECTS else P2) for n in list(PROJECTS) + ["pep621", "sources"]]
    todo = [t for t in todo if (not names or t[0] in names) and not (ROOT / t[0] / "poetry.lock").exists()]
    running = []
    while todo or running:
        while todo and len(running) < 4:
            n, p = todo.pop(0)
            log = open(ROOT / n / "lock.log", "w")
            running.append((n, subprocess.Popen([p, "lock", "--no-cache", "--no-interaction"], cwd=ROOT / n, stdout=log, stderr=subprocess.STDOUT)))
        time.sleep(1)
        for item in list(running):
            if item[1].poll() is not None:
                print(item[0], "rc", item[1].returncode, flush=True); running.remove(item)

if __name__ == "__main__":
    main(sys.argv[2:])
