#!/usr/bin/env python3
"""Load test and crash test of a congress hall, against gunicorn on 127.0.0.1 only.

    .venv/bin/python scripts/loadtest.py [--seconds 120] [--crash] [--workers 3] ...

Run through ./loadtest (SQLite, then PostgreSQL in a throwaway cluster). Steps:

1. A fresh DATA_DIR (and the database of DATABASE_URL when set): migrate,
   load_demo, then a hall congress "tai-thu" with a roll of --voters official
   members present, 10 board members, 30 members, one chi ủy election with its
   list frozen and the ballots issued (through the services, like the app).
2. gunicorn with --workers processes on 127.0.0.1:--port.
3. For --seconds (and at most --max-requests requests): 10 board clients enter
   ballots through the real entry page (logged in, CSRF token, htmx post; five
   clerks per pass, each its own serials), 30 members read the dashboard,
   programme, member list and results, 3 projectors poll every 4 s.
4. Figures per kind: requests, errors, p50/p95/max in ms; then the database is
   checked: every acknowledged ballot is there exactly once with what was sent,
   and every entry has its journal row (nothing half-saved).

--crash: after --crash-after seconds of entry, SIGKILL the whole gunicorn
process group (master and workers), restart it, check the database the same
way, and show that the hall goes on (a login and a page after the restart).

Exit status 0 when there were no errors and nothing was lost.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SLUG = "tai-thu"
PASSWORD = "tai-thu-2025-mat-khau"
BOARD, READERS, PROJECTORS = 10, 30, 3
SEATS, NAMES = 5, 6


# --- Preparation (runs in a Django process) ---------------------------------------------


def prepare(voters: int) -> dict:
    """Create the hall congress through the services; return what the clients need."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from congress.models import Congress, CongressRole, Organisation, Session
    from elections import services
    from elections.models import Candidate, Election
    from members.models import Attendance, CongressMember, Member
    from proceedings.services.programme import install_standard_programme

    Role = CongressRole.Role
    User = get_user_model()
    organisation, _ = Organisation.objects.get_or_create(
        slug="chi-bo-tai-thu",
        defaults={"name": "Chi bộ Tải thử", "upper_committee": "Đảng ủy Khối", "place": "Hà Nội"},
    )
    congress = Congress.objects.create(
        organisation=organisation,
        slug=SLUG,
        ordinal=5,
        term_start=2025,
        term_end=2030,
        date=datetime.date(2025, 6, 1),
        place="Hội trường",
    )

    def user(name: str, role: str):
        account = User.objects.create_user(name, password=PASSWORD)
        CongressRole.objects.create(congress=congress, user=account, role=role)
        return account

    presidium = user("lt-chutich", Role.PRESIDIUM)
    board = [user(f"lt-bk{n:02d}", Role.COUNTING_BOARD) for n in range(1, BOARD + 1)]
    readers = [user(f"lt-dv{n:02d}", Role.MEMBER) for n in range(1, READERS + 1)]
    user("lt-thuky", Role.SECRETARIAT)
    install_standard_programme(congress)
    session, _ = Session.objects.get_or_create(
        congress=congress,
        kind=Session.Kind.OFFICIAL,
        defaults={"starts_at": timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(14)))},
    )
    given = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hải", "Hạnh", "Khoa", "Lan", "Minh", "Nam"]
    members = []
    for n in range(voters):
        member = Member.objects.create(
            organisation=organisation,
            full_name=f"Nguyễn Văn {given[n % len(given)]} {n + 1}",
            gender=Member.Gender.MALE,
            card_number=f"{n + 1:08d}",
            status=Member.Status.OFFICIAL,
        )
        cm = CongressMember.objects.create(congress=congress, member=member)
        Attendance.objects.create(congress_member=cm, session=session, state=Attendance.State.PRESENT)
        members.append(member)
    election = services.create_election(
        congress, presidium, kind=Election.Kind.CHI_UY, seats=SEATS, seats_approved_yes=voters
    )
    for member in members[:NAMES]:
        services.add_candidate(election, presidium, member=member, source=Candidate.Source.PROPOSAL)
    services.open_nominations(election, presidium)
    rnd = services.freeze_list(election, presidium, approval_yes=voters)
    rnd = services.record_ballot_counts(rnd, board[0], issued=voters, collected=voters)
    return {
        "slug": SLUG,
        "round": rnd.pk,
        "issued": voters,
        "names": rnd.candidate_count,
        "board": [u.username for u in board],
        "readers": [u.username for u in readers],
        "password": PASSWORD,
    }


def verify(acks_path: str) -> dict:
    """Check the database against the acknowledged entries; return the findings."""
    from collections import Counter

    from elections.models import BallotEntry, JournalEntry

    data = json.loads(Path(acks_path).read_text())
    rnd = data["round"]
    entries = list(BallotEntry.objects.filter(round_id=rnd, voided_at__isnull=True))
    live = Counter((e.pass_number, e.serial) for e in entries)
    by_key = {(e.pass_number, e.serial): e for e in entries}
    journal = Counter(
        JournalEntry.objects.filter(round_id=rnd, action="elections.ballot.entered").values_list("summary", flat=True)
    )
    missing, altered = [], []
    for ack in data["acks"]:
        key = (ack["pass"], ack["serial"])
        entry = by_key.get(key)
        if entry is None:
            missing.append(key)
        elif sorted(entry.marks.get("crossed", [])) != sorted(ack["crossed"]) or entry.valid is None:
            altered.append(key)
    acked = {(a["pass"], a["serial"]) for a in data["acks"]}
    duplicates = [key for key, n in live.items() if n > 1]
    # Half-saved: an entry without its journal row, or a journal row without its entry.
    without_journal = [key for key in by_key if journal[f"{key[0]}/{key[1]}"] != 1]
    journal_without_entry = [s for s in journal if tuple(int(x) for x in s.split("/")) not in by_key]
    return {
        "entries": len(entries),
        "acknowledged": len(acked),
        "missing": missing,
        "altered": altered,
        "duplicates": duplicates,
        "unacknowledged_present": len(set(by_key) - acked),
        "without_journal": without_journal,
        "journal_without_entry": journal_without_entry,
    }


def django_main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    if argv[0] == "prepare":
        print(json.dumps(prepare(int(argv[1]))))
    elif argv[0] == "verify":
        print(json.dumps(verify(argv[1])))


# --- The hall (plain HTTP clients) ------------------------------------------------------


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)
    requests: int = 0

    def add(self, kind: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.requests += 1
            self.times.setdefault(kind, []).append(seconds)
            if not ok:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if len(self.samples) < 10:
                    self.samples.append(f"{kind}: {detail}"[:300])


class Hall:
    def __init__(self, base: str, info: dict, args, stats: Stats):
        self.base, self.info, self.args, self.stats = base, info, args, stats
        self.stop = threading.Event()
        self.acks: list[dict] = []
        self.acks_lock = threading.Lock()

    def budget_left(self) -> bool:
        return not self.stop.is_set() and self.stats.requests < self.args.max_requests

    def request(self, session, kind: str, method: str, path: str, **kwargs):
        import requests

        started = time.perf_counter()
        try:
            response = session.request(method, self.base + path, timeout=30, allow_redirects=False, **kwargs)
        except requests.RequestException as exc:
            self.stats.add(kind, time.perf_counter() - started, False, repr(exc))
            return None
        ok = 200 <= response.status_code < 400
        self.stats.add(kind, time.perf_counter() - started, ok, f"{response.status_code} {path}")
        return response

    def login(self, username: str):
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        session = requests.Session()
        # Like a browser: a GET on a kept-alive connection the server closed a moment
        # before is sent again once. POSTs are never resent (an entry is acknowledged once).
        retry = Retry(total=1, connect=1, read=1, status=0, allowed_methods=frozenset({"GET"}))
        session.mount("http://", HTTPAdapter(max_retries=retry))
        page = self.request(session, "login", "GET", "/accounts/login/")
        if page is None:
            return None
        token = session.cookies.get("csrftoken")
        response = self.request(
            session,
            "login",
            "POST",
            "/accounts/login/",
            data={"username": username, "password": self.info["password"], "csrfmiddlewaretoken": token},
            headers={"Referer": self.base + "/accounts/login/"},
        )
        if response is None or response.status_code != 302:
            return None
        return session

    def clerk(self, index: int) -> None:
        pass_number = 1 if index < BOARD // 2 else 2
        position = index % (BOARD // 2)
        serials = list(range(position + 1, self.info["issued"] + 1, BOARD // 2))
        session = self.login(self.info["board"][index])
        if session is None:
            return
        path = f"/c/{SLUG}/elections/rounds/{self.info['round']}/pass/{pass_number}/"
        self.request(session, "entry-page", "GET", path)
        for serial in serials:
            if not self.budget_left():
                return
            crossed = sorted({serial % NAMES + 1, (serial + 3) % NAMES + 1})
            response = self.request(
                session,
                "ballot-entry",
                "POST",
                path,
                data={
                    "serial": serial,
                    "crossed": " ".join(map(str, crossed)),
                    "csrfmiddlewaretoken": session.cookies.get("csrftoken"),
                },
                headers={"HX-Request": "true", "Referer": self.base + path},
            )
            if response is not None and response.status_code == 200:
                body = response.text
                if 'data-testid="verdict"' in body and 'data-testid="entry-error"' not in body:
                    with self.acks_lock:
                        self.acks.append({"pass": pass_number, "serial": serial, "crossed": crossed})
                else:
                    error = re.search(r'data-testid="entry-error">([^<]*)<', body)
                    self.stats.add("ballot-refused", 0.0, False, error.group(1) if error else body[:200])
            self.stop.wait(self.args.board_think * random.uniform(0.5, 1.5))

    def reader(self, index: int) -> None:
        session = self.login(self.info["readers"][index])
        if session is None:
            return
        pages = [
            ("dashboard", f"/c/{SLUG}/"),
            ("programme", f"/c/{SLUG}/programme/"),
            ("member-list", f"/c/{SLUG}/members/"),
            ("results", f"/c/{SLUG}/elections/"),
            ("results", f"/c/{SLUG}/elections/rounds/{self.info['round']}/result/"),
        ]
        while self.budget_left():
            kind, path = random.choice(pages)
            self.request(session, kind, "GET", path)
            self.stop.wait(self.args.reader_think * random.uniform(0.5, 1.5))

    def projector(self, index: int) -> None:
        session = self.login(self.info["readers"][index])
        if session is None:
            return
        while self.budget_left():
            self.request(session, "projector", "GET", f"/c/{SLUG}/projector/live/", headers={"HX-Request": "true"})
            self.stop.wait(4.0)

    def run(self, seconds: float, *, board_only: bool = False) -> None:
        threads = [threading.Thread(target=self.clerk, args=(i,), daemon=True) for i in range(BOARD)]
        if not board_only:
            threads += [threading.Thread(target=self.reader, args=(i,), daemon=True) for i in range(READERS)]
            threads += [threading.Thread(target=self.projector, args=(i,), daemon=True) for i in range(PROJECTORS)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and any(t.is_alive() for t in threads[:BOARD] + threads[BOARD:]):
            if self.stats.requests >= self.args.max_requests:
                break
            time.sleep(0.2)
        self.stop.set()
        for thread in threads:
            thread.join(timeout=35)


# --- Orchestration -----------------------------------------------------------------------


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def in_django(env: dict, *args: str) -> dict:
    result = subprocess.run(
        [PYTHON, str(Path(__file__).resolve()), "--django", *args], cwd=ROOT, env=env, text=True, capture_output=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    process = subprocess.Popen(
        [
            gunicorn,
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group: kill -9 reaches master and workers
    )
    wait_until_up(port, process)
    return process


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer")


def kill_group(process: subprocess.Popen, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def report(stats: Stats, elapsed: float, title: str) -> None:
    print(f"\n{title}: {stats.requests} requests in {elapsed:.0f} s ({stats.requests / max(elapsed, 1):.1f}/s)")
    print(f"{'kind':<16}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for kind, times in sorted(stats.times.items()):
        if kind == "ballot-refused":
            continue
        print(
            f"{kind:<16}{len(times):>7}{stats.errors.get(kind, 0):>8}"
            f"{statistics.median(times) * 1000:>9.0f}{percentile(times, 0.95) * 1000:>9.0f}{max(times) * 1000:>9.0f}"
        )
    if stats.errors.get("ballot-refused"):
        print(f"ballots refused by the app: {stats.errors['ballot-refused']}")
    for sample in stats.samples:
        print("  error:", sample)


def check(findings: dict, title: str) -> bool:
    print(
        f"{title}: {findings['acknowledged']} acknowledged, {findings['entries']} in the database "
        f"({findings['unacknowledged_present']} saved but not acknowledged), missing {len(findings['missing'])}, "
        f"altered {len(findings['altered'])}, duplicates {len(findings['duplicates'])}, "
        f"half-saved {len(findings['without_journal']) + len(findings['journal_without_entry'])}"
    )
    return not (
        findings["missing"]
        or findings["altered"]
        or findings["duplicates"]
        or findings["without_journal"]
        or findings["journal_without_entry"]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120, help="how long the hall runs (default 120)")
    parser.add_argument("--max-requests", type=int, default=50000, help="stop after this many requests")
    parser.add_argument("--voters", type=int, default=300, help="official members present = ballots issued")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--board-think", type=float, default=0.5, help="seconds a clerk takes per ballot")
    parser.add_argument("--reader-think", type=float, default=2.0, help="seconds a member reads a page")
    parser.add_argument("--crash", action="store_true", help="kill -9 the server during the count")
    parser.add_argument("--crash-after", type=float, default=15, help="seconds of entry before the kill")
    parser.add_argument("--data-dir", help="keep the data here (default: a temporary directory)")
    args = parser.parse_args()

    data_dir = args.data_dir or tempfile.mkdtemp(prefix="daihoi-load-")
    (Path(data_dir) / "staticfiles").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATA_DIR": data_dir, "DEBUG": ""}
    env["AXES_FAILURE_LIMIT"] = env.get("AXES_FAILURE_LIMIT", "1000")
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"==> {database}, data in {data_dir}: migrate, demo, a hall of {args.voters} members")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", capture=True)
    info = in_django(env, "prepare", str(args.voters))
    base = f"http://127.0.0.1:{args.port}"
    server = start_server(env, args.port, args.workers)
    ok = True
    stats = Stats()
    hall = Hall(base, info, args, stats)
    try:
        started = time.monotonic()
        if args.crash:
            print(f"==> crash test: entry for {args.crash_after:.0f} s, then kill -9 of gunicorn and restart")
            runner = threading.Thread(target=hall.run, args=(args.seconds,), kwargs={"board_only": False})
            runner.start()
            time.sleep(args.crash_after)
            kill_group(server)
            killed_at = time.monotonic() - started
            hall.stop.set()
            runner.join()
            print(f"killed the server (master and {args.workers} workers) at {killed_at:.1f} s")
            report(stats, time.monotonic() - started, f"{database}, before and during the crash")
            server = start_server(env, args.port, args.workers)
            restarted = time.monotonic()
            acks = Path(data_dir) / "acks.json"
            acks.write_text(json.dumps({"round": info["round"], "acks": hall.acks}))
            findings = in_django(env, "verify", str(acks))
            ok = check(findings, f"{database}, after the restart")
            after = Stats()
            resumed = Hall(base, info, args, after)
            session = resumed.login(info["board"][0])
            page = resumed.request(session, "after-restart", "GET", f"/c/{SLUG}/") if session else None
            up = page is not None and page.status_code == 200
            print(f"server back in {time.monotonic() - restarted:.1f} s after the restart: {'yes' if up else 'NO'}")
            ok = ok and up
        else:
            print(f"==> load test: {BOARD} board, {READERS} members, {PROJECTORS} projectors for {args.seconds:.0f} s")
            hall.run(args.seconds)
            report(stats, time.monotonic() - started, database)
            ok = not stats.errors
            acks = Path(data_dir) / "acks.json"
            acks.write_text(json.dumps({"round": info["round"], "acks": hall.acks}))
            findings = in_django(env, "verify", str(acks))
            ok = check(findings, database) and ok
    finally:
        kill_group(server, signal.SIGTERM)
    print(f"==> {database}: {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--django":
        django_main(sys.argv[2:])
    else:
        sys.exit(main())
