//! What the page asks of the host (ABI.md sections 3 and 7): the one import, `ficus.emit`, and the
//! messages sent through it.

use crate::value::{encode, object, Value};

#[link(wasm_import_module = "ficus")]
extern "C" {
    /// Hands the host `len` bytes at `ptr`; the host copies them before it returns.
    fn emit(kind: i32, ptr: *const u8, len: i32);
}

const EMIT_SCENE_BATCH: i32 = 1;
const EMIT_MESSAGE: i32 = 2;

/// Sends one scene batch (the bytes of `scene::Batch::take`).
pub fn emit_batch(bytes: &[u8]) {
    unsafe { emit(EMIT_SCENE_BATCH, bytes.as_ptr(), bytes.len() as i32) }
}

/// Sends one message of ABI.md section 7, encoded as a value.
fn send(message: Value) {
    let bytes = encode(&message);
    unsafe { emit(EMIT_MESSAGE, bytes.as_ptr(), bytes.len() as i32) }
}

/// Asks the host to GET one of the declared API paths (ABI.md section 7, "Request paths"); the
/// answer comes back as a `data` event carrying the same `request_id`.
pub fn request_data(request_id: u32, path: &str) {
    send(object(vec![
        ("type", "data.request".into()),
        ("requestId", request_id.into()),
        ("path", path.into()),
    ]));
}

/// Asks the router to go back one history entry.
pub fn back() {
    send(object(vec![("type", "back".into())]));
}

/// A line for the host's console and telemetry; `level` is debug, info, warn or error.
pub fn log(level: &str, message: &str) {
    send(object(vec![("type", "log".into()), ("level", level.into()), ("message", message.into())]));
}
