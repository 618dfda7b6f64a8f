//! rust-hello: a Ficus page written in Rust, with std only and no crates, that follows
//! wasm-pages/ABI.md (version 1) and nothing else of Ficus. Start here to write a page in Rust.
//!
//! The page draws a title, three buttons and three lines of text:
//! - focus on a button highlights it and names it on the "Focused" line;
//! - "Add one" counts its presses on the "Pressed" line;
//! - "Reload" asks the host for `/api/profiles` again (it is also asked once on mount) and the
//!   profiles' names, or the error, replace the last line;
//! - "Back" asks the router to go back.
//!
//! Files: this one (the page and the ABI's exports), `value.rs` (ABI section 4), `scene.rs`
//! (section 5) and `host.rs` (sections 3 and 7). `npm run build:wasm` builds it with the command
//! in `wasm-module.json`.

mod host;
mod scene;
mod value;

use scene::{prop, Batch, Kind};
use value::Value;

/// The one API path this page reads (ABI.md section 7, "Request paths").
const PROFILES_PATH: &str = "/api/profiles";

const STAGE_COLOR: &str = "#101820";
const TITLE_COLOR: &str = "#ffffff";
const TEXT_COLOR: &str = "#a0b4c8";
const BUTTON_COLOR: &str = "#22303c";
const BUTTON_FOCUSED_COLOR: &str = "#f0c020";
const LABEL_COLOR: &str = "#ffffff";
const LABEL_FOCUSED_COLOR: &str = "#101820";

const BUTTON_WIDTH: i32 = 360;
const BUTTON_HEIGHT: i32 = 120;
const BUTTON_GAP: i32 = 40;
const LEFT: i32 = 160;

/// What a button does on select.
#[derive(Clone, Copy, PartialEq)]
enum Action {
    AddOne,
    Reload,
    Back,
}

struct Button {
    action: Action,
    focus_key: &'static str,
    title: &'static str,
    /// The focusable box and the text inside it.
    id: u32,
    label: u32,
}

struct HelloPage {
    /// The next unused node id: the page owns the ids from the mount input's `firstId` on.
    next_id: u32,
    /// The changes since the last frame, sent as one batch by `ficus_frame`.
    pending: Batch,
    buttons: Vec<Button>,
    focus_line: u32,
    presses_line: u32,
    profiles_line: u32,
    presses: u32,
    /// The request whose answer the page waits for; answers to older requests are ignored.
    request_id: u32,
}

impl HelloPage {
    /// Builds the first scene under `root_id` and asks for the profiles.
    fn mount(root_id: u32, first_id: u32) -> HelloPage {
        let mut page = HelloPage {
            next_id: first_id,
            pending: Batch::new(),
            buttons: Vec::new(),
            focus_line: 0,
            presses_line: 0,
            profiles_line: 0,
            presses: 0,
            request_id: 0,
        };
        let stage = page.node(Kind::View);
        page.pending.set_int(stage, prop::WIDTH, 1920);
        page.pending.set_int(stage, prop::HEIGHT, 1080);
        page.pending.set_str(stage, prop::BACKGROUND_COLOR, STAGE_COLOR);

        let title = page.text(stage, 120, 72, TITLE_COLOR, "Hello from Rust");
        page.pending.set_str(title, prop::FONT_WEIGHT, "bold");
        page.text(stage, 220, 32, TEXT_COLOR, "A Ficus page in Rust with no crates, speaking wasm-pages/ABI.md");

        let row = page.node(Kind::View);
        page.pending.set_int(row, prop::X, LEFT);
        page.pending.set_int(row, prop::Y, 340);
        page.pending.set_int(row, prop::WIDTH, 3 * BUTTON_WIDTH + 2 * BUTTON_GAP);
        page.pending.set_int(row, prop::HEIGHT, BUTTON_HEIGHT);
        page.pending.append(stage, row);
        let buttons = [
            (Action::AddOne, "hello:add-one", "Add one"),
            (Action::Reload, "hello:reload", "Reload"),
            (Action::Back, "hello:back", "Back"),
        ];
        for (index, (action, focus_key, title)) in buttons.into_iter().enumerate() {
            let button = page.button(row, index as i32 * (BUTTON_WIDTH + BUTTON_GAP), action, focus_key, title);
            page.buttons.push(button);
        }

        page.focus_line = page.text(stage, 540, 40, TEXT_COLOR, "Focused: nothing yet");
        page.presses_line = page.text(stage, 600, 40, TEXT_COLOR, &presses_text(0));
        page.profiles_line = page.text(stage, 700, 40, TEXT_COLOR, "");
        page.pending.set_int(page.profiles_line, prop::MAX_LINES, 2);
        // The stage goes under the page's container last, so the host sees a finished tree.
        page.pending.append(root_id, stage);

        page.load_profiles();
        host::log("info", "rust-hello mounted");
        page
    }

    /// One event of ABI.md section 6. Events this page has no use for (arrow, history) and
    /// types it does not know are ignored.
    fn event(&mut self, event: &Value) {
        let focus_key = event.get("focusKey").and_then(Value::as_str).unwrap_or("");
        match event.get("type").and_then(Value::as_str) {
            Some("focus") => self.restyle(focus_key, true),
            Some("blur") => self.restyle(focus_key, false),
            Some("select") => self.select(focus_key),
            Some("data") => self.data(event),
            _ => {}
        }
    }

    /// Sends what changed since the last frame, and asks for no frame until the next event.
    fn frame(&mut self) -> f64 {
        if !self.pending.is_empty() {
            host::emit_batch(&self.pending.take());
        }
        -1.0
    }

    fn select(&mut self, focus_key: &str) {
        let action = match self.buttons.iter().find(|button| button.focus_key == focus_key) {
            Some(button) => button.action,
            None => return,
        };
        match action {
            Action::AddOne => {
                self.presses += 1;
                let text = presses_text(self.presses);
                self.pending.set_str(self.presses_line, prop::TEXT, &text);
            }
            Action::Reload => self.load_profiles(),
            Action::Back => host::back(),
        }
    }

    /// The host paints its own focus ring; the page only recolors the button under it.
    fn restyle(&mut self, focus_key: &str, focused: bool) {
        let (id, label, title) = match self.buttons.iter().find(|button| button.focus_key == focus_key) {
            Some(button) => (button.id, button.label, button.title),
            None => return,
        };
        let (fill, ink) =
            if focused { (BUTTON_FOCUSED_COLOR, LABEL_FOCUSED_COLOR) } else { (BUTTON_COLOR, LABEL_COLOR) };
        self.pending.set_str(id, prop::BACKGROUND_COLOR, fill);
        self.pending.set_str(label, prop::COLOR, ink);
        if focused {
            self.pending.set_str(self.focus_line, prop::TEXT, &format!("Focused: {}", title));
        }
    }

    fn load_profiles(&mut self) {
        self.request_id += 1;
        self.pending.set_str(self.profiles_line, prop::TEXT, "Loading profiles…");
        host::request_data(self.request_id, PROFILES_PATH);
    }

    /// A `data` event: `{ requestId, ok: true, status, body }` or `{ requestId, ok: false, status, error }`.
    fn data(&mut self, event: &Value) {
        if event.get("requestId").and_then(Value::as_u32) != Some(self.request_id) {
            return; // the answer to a request that a newer Reload replaced
        }
        let text = if event.get("ok").and_then(Value::as_bool) == Some(true) {
            // The body is GET /api/profiles' JSON answer: { profiles: [{ id, name, avatarColor, isKids }] },
            // already checked by the host against bridge/api/profiles.ts.
            let profiles = event.get("body").and_then(|body| body.get("profiles")).and_then(Value::as_array);
            let names: Vec<&str> =
                profiles.unwrap_or(&[]).iter().filter_map(|p| p.get("name").and_then(Value::as_str)).collect();
            if names.is_empty() {
                "No profiles".to_string()
            } else {
                format!("Profiles: {}", names.join(", "))
            }
        } else {
            let status = event.get("status").and_then(Value::as_u32).unwrap_or(0);
            let error = event.get("error").and_then(Value::as_str).unwrap_or("unknown error");
            host::log("warn", &format!("{} failed: {}", PROFILES_PATH, error));
            if status == 0 {
                format!("Could not load profiles: {}", error)
            } else {
                format!("Could not load profiles (HTTP {}): {}", status, error)
            }
        };
        self.pending.set_str(self.profiles_line, prop::TEXT, &text);
    }

    fn node(&mut self, kind: Kind) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        self.pending.create(id, kind);
        id
    }

    /// A line of text across the stage at height `y`.
    fn text(&mut self, parent: u32, y: i32, font_size: i32, color: &str, text: &str) -> u32 {
        let id = self.node(Kind::Text);
        self.pending.set_int(id, prop::X, LEFT);
        self.pending.set_int(id, prop::Y, y);
        self.pending.set_int(id, prop::WIDTH, 1920 - 2 * LEFT);
        self.pending.set_int(id, prop::HEIGHT, font_size * 3 / 2);
        self.pending.set_int(id, prop::FONT_SIZE, font_size);
        self.pending.set_str(id, prop::COLOR, color);
        self.pending.set_str(id, prop::TEXT, text);
        self.pending.append(parent, id);
        id
    }

    /// A focusable box with a centred label: focus lands on it because it has a `focusKey`.
    fn button(&mut self, parent: u32, x: i32, action: Action, focus_key: &'static str, title: &'static str) -> Button {
        let id = self.node(Kind::View);
        self.pending.set_int(id, prop::X, x);
        self.pending.set_int(id, prop::WIDTH, BUTTON_WIDTH);
        self.pending.set_int(id, prop::HEIGHT, BUTTON_HEIGHT);
        self.pending.set_int(id, prop::BORDER_RADIUS, 16);
        self.pending.set_str(id, prop::BACKGROUND_COLOR, BUTTON_COLOR);
        self.pending.set_str(id, prop::FOCUS_KEY, focus_key);
        let label = self.node(Kind::Text);
        self.pending.set_int(label, prop::Y, 36);
        self.pending.set_int(label, prop::WIDTH, BUTTON_WIDTH);
        self.pending.set_int(label, prop::HEIGHT, 48);
        self.pending.set_int(label, prop::FONT_SIZE, 36);
        self.pending.set_str(label, prop::TEXT_ALIGN, "center");
        self.pending.set_str(label, prop::COLOR, LABEL_COLOR);
        self.pending.set_str(label, prop::TEXT, title);
        self.pending.append(id, label);
        self.pending.append(parent, id);
        Button { action, focus_key, title, id, label }
    }
}

fn presses_text(presses: u32) -> String {
    match presses {
        1 => "Pressed 1 time".to_string(),
        n => format!("Pressed {} times", n),
    }
}

// ---------------------------------------------------------------------------------------------
// The ABI's exports (ABI.md section 2). The host calls them from one thread and never while the
// page is inside a call (section 6), so the page's state can live in plain `static mut`s.

static mut PAGE: Option<HelloPage> = None;
/// The one input buffer: the host asks for it with `ficus_alloc`, writes one value into it and
/// hands it straight back with `ficus_mount` or `ficus_event`.
static mut INPUT: Vec<u8> = Vec::new();

fn page() -> &'static mut HelloPage {
    unsafe { PAGE.as_mut().expect("rust-hello: an event or frame before ficus_mount") }
}

/// The value the host wrote at `ptr` (the pointer `ficus_alloc` returned); frees the buffer.
fn take_input(ptr: *const u8, len: i32) -> Value {
    let mut bytes = unsafe { std::mem::take(&mut INPUT) };
    if bytes.as_ptr() != ptr || len < 0 || len as usize > bytes.len() {
        panic!("rust-hello: the input is not in the buffer ficus_alloc returned");
    }
    bytes.truncate(len as usize);
    value::decode(&bytes).unwrap_or_else(|error| panic!("rust-hello: the host's input does not decode: {}", error))
}

extern "C" {
    /// Runs the module's static constructors; made by the linker (wasm-ld).
    fn __wasm_call_ctors();
}

/// A WASI reactor's start: the host calls it once, right after instantiation. rustc 1.63's
/// `wasm32-wasi` cdylib does not export one by itself, so the page does.
#[no_mangle]
pub extern "C" fn _initialize() {
    unsafe { __wasm_call_ctors() }
}

#[no_mangle]
pub extern "C" fn ficus_abi_version() -> i32 {
    1
}

#[no_mangle]
pub extern "C" fn ficus_alloc(size: i32) -> *mut u8 {
    // At least one byte, so the pointer is a real allocation (never 0) even for size 0.
    let buffer = vec![0u8; size.max(1) as usize];
    unsafe {
        INPUT = buffer;
        INPUT.as_mut_ptr()
    }
}

/// Receives `{ route, params, rootId, firstId }`.
#[no_mangle]
pub extern "C" fn ficus_mount(ptr: *const u8, len: i32) {
    let input = take_input(ptr, len);
    let id = |name: &str| {
        input.get(name).and_then(Value::as_u32).unwrap_or_else(|| panic!("rust-hello: mount input has no {}", name))
    };
    let mounted = HelloPage::mount(id("rootId"), id("firstId"));
    unsafe { PAGE = Some(mounted) };
}

#[no_mangle]
pub extern "C" fn ficus_event(ptr: *const u8, len: i32) {
    let event = take_input(ptr, len);
    page().event(&event);
}

/// Returns when the page wants its next frame: -1, none until the next event.
#[no_mangle]
pub extern "C" fn ficus_frame(_now_ms: f64) -> f64 {
    page().frame()
}

#[no_mangle]
pub extern "C" fn ficus_unmount() {
    // Nothing to send: the host removes the page's container and drops the instance.
    unsafe { PAGE = None };
}
