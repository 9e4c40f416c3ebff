//! `urllib.request` (`urlopen`, `Request`) and `urllib.error` (`URLError`, `HTTPError`).
//!
//! `urlopen` is the one native function here: it turns its arguments into a
//! [`FetchRequest`], suspends on [`crate::Host::suspend`], and wraps the reply. The
//! response, header and request classes are plain Python (in [`REQUEST_SOURCE`]): they
//! only hold data, and Python source keeps their behaviour (case-insensitive headers,
//! `read(n)`, context manager) close to CPython's with little code.
//!
//! Invariant: a status >= 400 raises `HTTPError` (which also carries the body, as
//! CPython's does); a transport failure raises `URLError`; nothing else escapes.

use std::rc::Rc;

use crate::builtins::{add_methods, check_args, native, new_module, reject_kwargs, take_kwarg};
use crate::host::{FetchRequest, FetchResponse, Reply, SuspendRequest};
use crate::objects::{Kwargs, Module, Value};
use crate::vm::types::{types, BuiltinTypes};
use crate::vm::{type_error, value_error, PyErr, PyResult, Vm};

/// The Python half of `urllib.request`.
const REQUEST_SOURCE: &str = r#"
class HTTPMessage:
    def __init__(self, items):
        self._items = items

    def get(self, name, failobj=None):
        name = name.lower()
        for key, value in self._items:
            if key.lower() == name:
                return value
        return failobj

    def get_all(self, name, failobj=None):
        name = name.lower()
        found = [value for key, value in self._items if key.lower() == name]
        return found if found else failobj

    def get_content_charset(self, failobj=None):
        for part in (self.get("content-type") or "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset":
                return value.strip('"').lower()
        return failobj

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [key for key, value in self._items]

    def values(self):
        return [value for key, value in self._items]

    def items(self):
        return list(self._items)

    def __str__(self):
        return "".join(key + ": " + value + "\n" for key, value in self._items) + "\n"


class HTTPResponse:
    def __init__(self, url, status, reason, headers, body):
        self.url = url
        self.status = status
        self.code = status
        self.reason = reason
        self.msg = reason
        self.headers = HTTPMessage(headers)
        self.closed = False
        self._body = body
        self._pos = 0

    def read(self, amt=None):
        if amt is None or amt < 0:
            end = len(self._body)
        else:
            end = min(len(self._body), self._pos + amt)
        data = self._body[self._pos:end]
        self._pos = end
        return data

    def readline(self):
        newline = self._body.find(b"\n", self._pos)
        end = len(self._body) if newline < 0 else newline + 1
        data = self._body[self._pos:end]
        self._pos = end
        return data

    def readlines(self):
        lines = []
        while self._pos < len(self._body):
            lines.append(self.readline())
        return lines

    def __iter__(self):
        return iter(self.readlines())

    def getcode(self):
        return self.status

    def geturl(self):
        return self.url

    def info(self):
        return self.headers

    def getheader(self, name, default=None):
        return self.headers.get(name, default)

    def getheaders(self):
        return self.headers.items()

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None):
        self.full_url = url
        self.data = data
        self.headers = {}
        for key, value in headers.items():
            self.add_header(key, value)
        self.method = method

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name.capitalize() in self.headers

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name.capitalize(), default)

    def get_method(self):
        if self.method is not None:
            return self.method
        return "POST" if self.data is not None else "GET"

    def get_full_url(self):
        return self.full_url
"#;

pub(crate) fn request_module(vm: &mut Vm<'_>) -> PyResult<Rc<Module>> {
    let m = new_module("urllib.request");
    vm.exec_builtin_source(&m, REQUEST_SOURCE, "<frozen urllib.request>")?;
    m.attrs
        .borrow_mut()
        .insert("urlopen".into(), native("urlopen", urlopen));
    Ok(m)
}

pub(crate) fn error_module() -> Rc<Module> {
    let m = new_module("urllib.error");
    let t = types();
    for name in ["URLError", "HTTPError"] {
        m.attrs
            .borrow_mut()
            .insert(name.into(), Value::Class(t.exc(name)));
    }
    m.attrs.borrow_mut().insert(
        "ContentTooShortError".into(),
        Value::Class(t.exc("URLError")),
    );
    m
}

/// `URLError(reason)`: `e.reason` and `str(e) == "<urlopen error reason>"`.
pub(crate) fn url_error(reason: Value) -> PyErr {
    let err = PyErr::with_args(&types().exc("URLError"), vec![reason.clone()]);
    err.instance()
        .attrs
        .borrow_mut()
        .insert("reason".into(), reason);
    err
}

fn str_attr(vm: &mut Vm<'_>, obj: &Value, name: &str) -> PyResult<String> {
    let v = vm.getattr(obj, name)?;
    vm.to_str(&v)
}

/// URLError.__str__
fn url_error_str(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or(Value::None);
    let reason = str_attr(vm, &this, "reason")?;
    Ok(Value::str(format!("<urlopen error {reason}>")))
}

/// HTTPError.__str__
fn http_error_str(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or(Value::None);
    let code = str_attr(vm, &this, "code")?;
    let msg = str_attr(vm, &this, "msg")?;
    Ok(Value::str(format!("HTTP Error {code}: {msg}")))
}

/// HTTPError.read() / getcode() / geturl() / info(): the error is also a response.
fn http_error_read(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or(Value::None);
    let response = vm.getattr(&this, "fp")?;
    let read = vm.getattr(&response, "read")?;
    vm.call(&read, args[1..].to_vec(), kw)
}

fn http_error_getcode(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    vm.getattr(&args.first().cloned().unwrap_or(Value::None), "code")
}

fn http_error_info(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    vm.getattr(&args.first().cloned().unwrap_or(Value::None), "headers")
}

fn http_error_geturl(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    vm.getattr(&args.first().cloned().unwrap_or(Value::None), "url")
}

pub(super) fn install(t: &BuiltinTypes) {
    add_methods(&t.exc("URLError"), &[("__str__", url_error_str)]);
    add_methods(
        &t.exc("HTTPError"),
        &[
            ("__str__", http_error_str),
            ("read", http_error_read),
            ("getcode", http_error_getcode),
            ("info", http_error_info),
            ("geturl", http_error_geturl),
        ],
    );
}

/// The parts of a `Request` object or URL string that `urlopen` needs.
fn request_parts(vm: &mut Vm<'_>, target: &Value, data: Value) -> PyResult<FetchRequest> {
    let (url, data, mut headers, method) = match target {
        Value::Str(s) => (s.as_str().to_string(), data, Vec::new(), None),
        Value::Instance(_) => {
            let url = str_attr(vm, target, "full_url")?;
            let req_data = vm.getattr(target, "data")?;
            let data = if data.is_none() { req_data } else { data };
            let header_dict = vm.getattr(target, "headers")?;
            let mut headers = Vec::new();
            for (k, v) in vm.dict_items(&header_dict) {
                headers.push((vm.to_str(&k)?, vm.to_str(&v)?));
            }
            let method = vm.getattr(target, "method")?;
            let method = if method.is_none() {
                None
            } else {
                Some(vm.to_str(&method)?)
            };
            (url, data, headers, method)
        }
        other => {
            return Err(type_error(format!(
                "urlopen() argument must be a str or Request, not {}",
                vm.type_name(other)
            )))
        }
    };
    let body = match &data {
        Value::None => None,
        Value::Bytes(b) => Some(b.as_ref().clone()),
        Value::Str(_) => {
            return Err(type_error(
                "POST data should be bytes, an iterable of bytes, or a file object. It cannot be of type str.",
            ))
        }
        other => return Err(type_error(format!("can't send {} as a request body", vm.type_name(other)))),
    };
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http" | "https") => {}
        _ if !url.contains(':') => return Err(value_error(format!("unknown url type: '{url}'"))),
        _ => {
            return Err(crate::modules::urllib::url_error(Value::str(format!(
                "unknown url type: {}",
                scheme.unwrap_or_default()
            ))))
        }
    }
    if body.is_some()
        && !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
    {
        headers.push((
            "Content-type".into(),
            "application/x-www-form-urlencoded".into(),
        ));
    }
    let method = method.unwrap_or_else(|| {
        if body.is_some() {
            "POST".into()
        } else {
            "GET".into()
        }
    });
    Ok(FetchRequest {
        url,
        method,
        headers,
        body,
    })
}

/// `urllib.request.urlopen(url, data=None, timeout=None)`.
fn urlopen(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let data_kw = take_kwarg(&mut kw, "data");
    take_kwarg(&mut kw, "timeout");
    take_kwarg(&mut kw, "context");
    reject_kwargs("urlopen", &kw)?;
    check_args("urlopen", &args, 1, 3)?;
    let data = args.get(1).cloned().or(data_kw).unwrap_or(Value::None);
    let request = request_parts(vm, &args[0], data)?;
    let Reply::Response(response) = vm.suspend(SuspendRequest::Fetch(request))? else {
        return Err(PyErr::new(
            "OSError",
            "the host answered urlopen() with a non-HTTP reply",
        ));
    };
    let status = response.status;
    let value = response_value(vm, response)?;
    if status >= 400 {
        return Err(http_error(vm, value)?);
    }
    Ok(value)
}

/// An `HTTPResponse` object (the Python class above) for a host reply.
fn response_value(vm: &mut Vm<'_>, r: FetchResponse) -> PyResult<Value> {
    let module = vm.import_module("urllib.request")?;
    let class = module
        .attrs
        .borrow()
        .get("HTTPResponse")
        .cloned()
        .unwrap_or(Value::None);
    let headers: Vec<Value> = r
        .headers
        .into_iter()
        .map(|(k, v)| Value::tuple(vec![Value::str(k), Value::str(v)]))
        .collect();
    let args = vec![
        Value::str(r.url),
        Value::Int(r.status as i64),
        Value::str(r.reason),
        Value::list(headers),
        Value::Bytes(Rc::new(r.body)),
    ];
    vm.call(&class, args, Vec::new())
}

/// `HTTPError(url, code, msg, hdrs, fp)` around a response object.
fn http_error(vm: &mut Vm<'_>, response: Value) -> PyResult<PyErr> {
    let url = vm.getattr(&response, "url")?;
    let code = vm.getattr(&response, "status")?;
    let msg = vm.getattr(&response, "reason")?;
    let headers = vm.getattr(&response, "headers")?;
    let err = PyErr::with_args(
        &types().exc("HTTPError"),
        vec![
            url.clone(),
            code.clone(),
            msg.clone(),
            headers.clone(),
            response.clone(),
        ],
    );
    {
        let mut attrs = err.instance().attrs.borrow_mut();
        attrs.insert("url".into(), url.clone());
        attrs.insert("filename".into(), url);
        attrs.insert("code".into(), code.clone());
        attrs.insert("status".into(), code);
        attrs.insert("msg".into(), msg.clone());
        attrs.insert("reason".into(), msg);
        attrs.insert("headers".into(), headers.clone());
        attrs.insert("hdrs".into(), headers);
        attrs.insert("fp".into(), response);
    }
    Ok(err)
}
