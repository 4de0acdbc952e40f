"""A real kernel, driven the way JupyterLab drives it: the frontend moves a slider over the widget comm."""

from __future__ import annotations

import json
from queue import Empty

import pytest
from jupyter_client.manager import start_new_kernel

SETUP = """
from exercises import feasibility
view = feasibility.build_calculator()
print(json.dumps({"comm": view.controls["reach_percent_slider"].comm.comm_id}))
"""


def run(client, code: str) -> str:
    msg_id = client.execute(code)
    printed = []
    while True:
        try:
            msg = client.get_iopub_msg(timeout=60)
        except Empty:  # pragma: no cover - a hung kernel
            pytest.fail("kernel stopped answering")
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            pytest.fail("\n".join(msg["content"]["traceback"]))
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(printed)


@pytest.fixture(scope="module")
def kernel():
    manager, client = start_new_kernel(kernel_name="python3")
    yield client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def test_moving_the_slider_in_the_frontend_updates_the_result(kernel):
    comm_id = json.loads(run(kernel, "import json\n" + SETUP).strip().splitlines()[-1])["comm"]
    before = run(kernel, "print(view.outputs['results'].value)")
    assert ">250<" in before  # 5% of 5,000 people
    # What JupyterLab sends when a learner drags the reach slider to 10%.
    update = {"method": "update", "state": {"value": 10.0}, "buffer_paths": []}
    message = kernel.session.msg("comm_msg", {"comm_id": comm_id, "data": update})
    kernel.shell_channel.send(message)
    after = run(kernel, "print(view.controls['reach_percent'].value); print(view.outputs['results'].value)")
    first_line, results = after.split("\n", 1)
    assert first_line == "10"
    assert ">500<" in results and "Verdict: feasible" in results
