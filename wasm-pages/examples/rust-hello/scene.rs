//! Scene batches (ABI.md section 5): the binary layout of bridge/scene-codec/format.ts. A batch
//! is a 16-byte header, a string table, then the ops; every integer is little-endian.

/// The bytes "FCSB" read as a little-endian u32.
const MAGIC: u32 = 0x4253_4346;
/// The host's contract version (bridge/version.ts) that this layout belongs to.
const CONTRACT_VERSION: u16 = 1;
const HEADER_BYTES: usize = 16;

const OP_CREATE: u8 = 0x01;
const OP_SET_PROP: u8 = 0x02;
const OP_APPEND: u8 = 0x03;
const OP_INSERT_BEFORE: u8 = 0x04;
const OP_REMOVE: u8 = 0x05;

const VALUE_NULL: u8 = 0x00;
const VALUE_FALSE: u8 = 0x01;
const VALUE_TRUE: u8 = 0x02;
const VALUE_I32: u8 = 0x03;
const VALUE_F64: u8 = 0x04;
const VALUE_STRING: u8 = 0x05;

/// What a node is; the byte after a create op's id.
#[allow(dead_code)]
#[derive(Clone, Copy)]
pub enum Kind {
    View = 0,
    Text = 1,
    Image = 2,
}

/// Prop codes, one byte each: the `code` of every prop in bridge/props.ts (a test checks this
/// list against that file). Positions are parent-relative pixels on the 1920×1080 stage.
#[allow(dead_code)]
pub mod prop {
    pub const X: u8 = 1;
    pub const Y: u8 = 2;
    pub const WIDTH: u8 = 3;
    pub const HEIGHT: u8 = 4;
    pub const BACKGROUND_COLOR: u8 = 5;
    pub const OPACITY: u8 = 6;
    pub const Z_INDEX: u8 = 7;
    pub const CLIP: u8 = 8;
    pub const BORDER_RADIUS: u8 = 9;
    pub const BORDER_COLOR: u8 = 10;
    pub const BORDER_WIDTH: u8 = 11;
    pub const VISIBLE: u8 = 12;
    pub const TEXT: u8 = 20;
    pub const COLOR: u8 = 21;
    pub const FONT_SIZE: u8 = 22;
    pub const FONT_WEIGHT: u8 = 23;
    pub const TEXT_ALIGN: u8 = 24;
    pub const MAX_LINES: u8 = 25;
    pub const SRC: u8 = 30;
    pub const FIT: u8 = 31;
    pub const FOCUS_KEY: u8 = 40;
    pub const FOCUS_GROUP: u8 = 41;
    pub const PREFERRED_CHILD: u8 = 42;
    pub const BOUNDARY: u8 = 43;
    pub const ROLE: u8 = 50;
    pub const LABEL: u8 = 51;
    pub const DESCRIPTION: u8 = 52;
    // Motion (ABI version 3: a page must return 3 from ficus_abi_version to set these).
    pub const SCALE: u8 = 13;
    pub const ANIMATE: u8 = 60;
    pub const ANIMATE_DURATION: u8 = 61;
    pub const ANIMATE_EASING: u8 = 62;
    pub const ANIMATE_DELAY: u8 = 63;
}

/// One batch being written. Ops are encoded as they are added; strings go to the table once each
/// (a linear search: a page's batches hold few distinct strings; a BTreeMap adds ~5 KB to the module).
pub struct Batch {
    strings: Vec<String>,
    ops: Vec<u8>,
    op_count: u32,
}

#[allow(dead_code)]
impl Batch {
    pub fn new() -> Batch {
        Batch { strings: Vec::new(), ops: Vec::new(), op_count: 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.op_count == 0
    }

    pub fn create(&mut self, id: u32, kind: Kind) {
        self.op(OP_CREATE);
        self.u32(id);
        self.ops.push(kind as u8);
    }

    /// A whole-number prop (positions, sizes, zIndex, maxLines, boundary).
    pub fn set_int(&mut self, id: u32, prop: u8, value: i32) {
        self.set_prop_header(id, prop);
        self.ops.push(VALUE_I32);
        self.ops.extend_from_slice(&value.to_le_bytes());
    }

    /// A fractional prop (opacity), or any number that need not be whole.
    pub fn set_float(&mut self, id: u32, prop: u8, value: f64) {
        self.set_prop_header(id, prop);
        self.ops.push(VALUE_F64);
        self.ops.extend_from_slice(&value.to_le_bytes());
    }

    pub fn set_bool(&mut self, id: u32, prop: u8, value: bool) {
        self.set_prop_header(id, prop);
        self.ops.push(if value { VALUE_TRUE } else { VALUE_FALSE });
    }

    /// A text prop (text, colors, focusKey, fontWeight, ...): the value is an index into the table.
    pub fn set_str(&mut self, id: u32, prop: u8, value: &str) {
        let index = self.intern(value);
        self.set_prop_header(id, prop);
        self.ops.push(VALUE_STRING);
        self.ops.extend_from_slice(&index.to_le_bytes());
    }

    /// Clears a prop back to its default.
    pub fn set_null(&mut self, id: u32, prop: u8) {
        self.set_prop_header(id, prop);
        self.ops.push(VALUE_NULL);
    }

    pub fn append(&mut self, parent: u32, child: u32) {
        self.op(OP_APPEND);
        self.u32(parent);
        self.u32(child);
    }

    pub fn insert_before(&mut self, parent: u32, child: u32, before: u32) {
        self.op(OP_INSERT_BEFORE);
        self.u32(parent);
        self.u32(child);
        self.u32(before);
    }

    pub fn remove(&mut self, id: u32) {
        self.op(OP_REMOVE);
        self.u32(id);
    }

    /// The finished batch (header, string table, ops); the batch is empty again afterwards.
    pub fn take(&mut self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_BYTES + self.ops.len());
        out.extend_from_slice(&MAGIC.to_le_bytes());
        out.extend_from_slice(&CONTRACT_VERSION.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // flags: must be 0
        out.extend_from_slice(&(self.strings.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.op_count.to_le_bytes());
        for text in &self.strings {
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        out.extend_from_slice(&self.ops);
        *self = Batch::new();
        out
    }

    fn op(&mut self, opcode: u8) {
        self.ops.push(opcode);
        self.op_count += 1;
    }

    fn set_prop_header(&mut self, id: u32, prop: u8) {
        self.op(OP_SET_PROP);
        self.u32(id);
        self.ops.push(prop);
    }

    fn u32(&mut self, value: u32) {
        self.ops.extend_from_slice(&value.to_le_bytes());
    }

    fn intern(&mut self, text: &str) -> u32 {
        if let Some(index) = self.strings.iter().position(|known| known == text) {
            return index as u32;
        }
        self.strings.push(text.to_string());
        self.strings.len() as u32 - 1
    }
}
