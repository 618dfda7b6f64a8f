//! Values (ABI.md section 4): the self-describing encoding of the mount input, of events and of
//! the messages a page sends. Little-endian, one value per buffer, no trailing bytes.

/// One decoded value. Objects keep their fields in the order they arrived.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

const TAG_NULL: u8 = 0x00;
const TAG_FALSE: u8 = 0x01;
const TAG_TRUE: u8 = 0x02;
const TAG_NUMBER: u8 = 0x03;
const TAG_STRING: u8 = 0x04;
const TAG_ARRAY: u8 = 0x05;
const TAG_OBJECT: u8 = 0x06;

/// The host refuses values nested deeper than this (bridge/value-codec/format.ts: the outermost
/// value is level 0), so a page need not accept more either.
const MAX_DEPTH: usize = 32;

impl Value {
    /// An object's field, or None (also when this is not an object).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(name, _)| name == key).map(|(_, value)| value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// Node ids and request ids travel as numbers that are always whole (ABI.md section 4).
    pub fn as_u32(&self) -> Option<u32> {
        let number = self.as_f64()?;
        let whole = number >= 0.0 && number <= u32::MAX as f64 && number.fract() == 0.0;
        if whole {
            Some(number as u32)
        } else {
            None
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(flag) => Some(*flag),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::String(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::String(text)
    }
}

impl From<u32> for Value {
    fn from(number: u32) -> Value {
        Value::Number(number as f64)
    }
}

impl From<f64> for Value {
    fn from(number: f64) -> Value {
        Value::Number(number)
    }
}

/// An object from `(key, value)` pairs, the way messages are written:
/// `object(vec![("type", "back".into())])`.
pub fn object(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(key, value)| (key.to_string(), value)).collect())
}

/// The bytes of one value.
pub fn encode(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Null => out.push(TAG_NULL),
        Value::Bool(false) => out.push(TAG_FALSE),
        Value::Bool(true) => out.push(TAG_TRUE),
        Value::Number(number) => {
            out.push(TAG_NUMBER);
            out.extend_from_slice(&number.to_le_bytes());
        }
        Value::String(text) => {
            out.push(TAG_STRING);
            write_str(text, out);
        }
        Value::Array(items) => {
            out.push(TAG_ARRAY);
            out.extend_from_slice(&(items.len() as u32).to_le_bytes());
            for item in items {
                write(item, out);
            }
        }
        Value::Object(fields) => {
            out.push(TAG_OBJECT);
            out.extend_from_slice(&(fields.len() as u32).to_le_bytes());
            for (key, item) in fields {
                write_str(key, out);
                write(item, out);
            }
        }
    }
}

/// A string's u32 byte length, then its UTF-8 bytes (values and object keys alike).
fn write_str(text: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

/// Decodes exactly one value; the error says what was wrong and at which byte.
pub fn decode(bytes: &[u8]) -> Result<Value, String> {
    let mut reader = Reader { bytes, at: 0 };
    let value = reader.value(0)?;
    if reader.at != bytes.len() {
        return Err(format!("{} trailing bytes after the value at byte {}", bytes.len() - reader.at, reader.at));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(count).filter(|end| *end <= self.bytes.len());
        match end {
            Some(end) => {
                let slice = &self.bytes[self.at..end];
                self.at = end;
                Ok(slice)
            }
            None => Err(format!("{} at byte {} runs past the end ({} bytes)", what, self.at, self.bytes.len())),
        }
    }

    fn u32(&mut self, what: &str) -> Result<u32, String> {
        let bytes = self.take(4, what)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn string(&mut self, what: &str) -> Result<String, String> {
        let at = self.at;
        let length = self.u32(what)? as usize;
        let bytes = self.take(length, what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| format!("{} at byte {} is not valid UTF-8", what, at))
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(format!("values nest deeper than {} levels at byte {}", MAX_DEPTH, self.at));
        }
        let at = self.at;
        let tag = self.take(1, "a value tag")?[0];
        match tag {
            TAG_NULL => Ok(Value::Null),
            TAG_FALSE => Ok(Value::Bool(false)),
            TAG_TRUE => Ok(Value::Bool(true)),
            TAG_NUMBER => {
                let bytes = self.take(8, "a number")?;
                let mut eight = [0u8; 8];
                eight.copy_from_slice(bytes);
                Ok(Value::Number(f64::from_le_bytes(eight)))
            }
            TAG_STRING => Ok(Value::String(self.string("a string")?)),
            TAG_ARRAY => {
                let count = self.u32("an array length")?;
                // Push item by item: a dishonest count runs out of bytes instead of memory.
                let mut items = Vec::new();
                for _ in 0..count {
                    items.push(self.value(depth + 1)?);
                }
                Ok(Value::Array(items))
            }
            TAG_OBJECT => {
                let count = self.u32("an object size")?;
                let mut fields = Vec::new();
                for _ in 0..count {
                    let key = self.string("an object key")?;
                    let item = self.value(depth + 1)?;
                    fields.push((key, item));
                }
                Ok(Value::Object(fields))
            }
            other => Err(format!("unknown value tag 0x{:02x} at byte {}", other, at)),
        }
    }
}
