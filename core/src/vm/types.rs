//! The built-in classes (`int`, `str`, ..., the exception hierarchy), one set per thread.
//!
//! Built-in classes are immutable after start-up (Python code cannot set attributes on
//! them), so all interpreters on a thread share them. Their native methods are installed
//! once by [`crate::builtins::install_methods`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::objects::{AttrMap, BuiltinType, Class};

/// Every built-in class object.
pub(crate) struct BuiltinTypes {
    pub(crate) object: Rc<Class>,
    pub(crate) type_: Rc<Class>,
    pub(crate) none: Rc<Class>,
    pub(crate) not_implemented: Rc<Class>,
    pub(crate) ellipsis: Rc<Class>,
    pub(crate) int: Rc<Class>,
    pub(crate) bool_: Rc<Class>,
    pub(crate) float: Rc<Class>,
    pub(crate) str_: Rc<Class>,
    pub(crate) bytes: Rc<Class>,
    pub(crate) bytearray: Rc<Class>,
    pub(crate) memoryview: Rc<Class>,
    pub(crate) complex: Rc<Class>,
    pub(crate) list: Rc<Class>,
    pub(crate) tuple: Rc<Class>,
    pub(crate) dict: Rc<Class>,
    pub(crate) set: Rc<Class>,
    pub(crate) frozenset: Rc<Class>,
    pub(crate) range: Rc<Class>,
    pub(crate) slice: Rc<Class>,
    pub(crate) function: Rc<Class>,
    pub(crate) builtin_function: Rc<Class>,
    pub(crate) method: Rc<Class>,
    pub(crate) module: Rc<Class>,
    pub(crate) generator: Rc<Class>,
    pub(crate) coroutine: Rc<Class>,
    pub(crate) async_generator: Rc<Class>,
    /// The classes of native iterators, by CPython's type names ([`ITERATOR_TYPES`]).
    pub(crate) iterators: HashMap<&'static str, Rc<Class>>,
    pub(crate) property: Rc<Class>,
    pub(crate) staticmethod: Rc<Class>,
    pub(crate) classmethod: Rc<Class>,
    pub(crate) super_: Rc<Class>,
    pub(crate) code: Rc<Class>,
    /// `sys.stdout` / `sys.stderr`.
    pub(crate) text_io: Rc<Class>,
    pub(crate) dict_keys: Rc<Class>,
    pub(crate) dict_values: Rc<Class>,
    pub(crate) dict_items: Rc<Class>,
    /// The generator state inside a `random.Random` instance.
    pub(crate) random_state: Rc<Class>,
    exceptions: HashMap<&'static str, Rc<Class>>,
    /// Names of the built-in exceptions in the `builtins` module, in definition order.
    pub(crate) exception_names: Vec<&'static str>,
}

/// Creates a class with the given base (single inheritance, as all built-ins here).
pub(crate) fn new_class(
    name: &str,
    module: &str,
    base: Option<&Rc<Class>>,
    builtin: Option<BuiltinType>,
) -> Rc<Class> {
    let is_exception =
        base.is_some_and(|b| b.is_exception) || builtin == Some(BuiltinType::Exception);
    let class = Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: module.into(),
        bases: base.into_iter().cloned().collect(),
        mro: RefCell::new(Vec::new()),
        attrs: RefCell::new(AttrMap::default()),
        builtin,
        is_exception,
        meta: None,
    });
    let mut mro = vec![class.clone()];
    if let Some(b) = base {
        mro.extend(b.mro.borrow().iter().cloned());
    }
    *class.mro.borrow_mut() = mro;
    class
}

/// (name, parent, module) of each built-in exception; parents come first.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("BaseException", "", "builtins"),
    ("GeneratorExit", "BaseException", "builtins"),
    ("KeyboardInterrupt", "BaseException", "builtins"),
    ("SystemExit", "BaseException", "builtins"),
    ("Exception", "BaseException", "builtins"),
    ("ArithmeticError", "Exception", "builtins"),
    ("FloatingPointError", "ArithmeticError", "builtins"),
    ("OverflowError", "ArithmeticError", "builtins"),
    ("ZeroDivisionError", "ArithmeticError", "builtins"),
    ("AssertionError", "Exception", "builtins"),
    ("AttributeError", "Exception", "builtins"),
    ("BufferError", "Exception", "builtins"),
    ("EOFError", "Exception", "builtins"),
    ("ImportError", "Exception", "builtins"),
    ("ModuleNotFoundError", "ImportError", "builtins"),
    ("LookupError", "Exception", "builtins"),
    ("IndexError", "LookupError", "builtins"),
    ("KeyError", "LookupError", "builtins"),
    ("MemoryError", "Exception", "builtins"),
    ("NameError", "Exception", "builtins"),
    ("UnboundLocalError", "NameError", "builtins"),
    ("OSError", "Exception", "builtins"),
    ("BlockingIOError", "OSError", "builtins"),
    ("ChildProcessError", "OSError", "builtins"),
    ("ConnectionError", "OSError", "builtins"),
    ("BrokenPipeError", "ConnectionError", "builtins"),
    ("ConnectionAbortedError", "ConnectionError", "builtins"),
    ("ConnectionRefusedError", "ConnectionError", "builtins"),
    ("ConnectionResetError", "ConnectionError", "builtins"),
    ("FileExistsError", "OSError", "builtins"),
    ("FileNotFoundError", "OSError", "builtins"),
    ("InterruptedError", "OSError", "builtins"),
    ("IsADirectoryError", "OSError", "builtins"),
    ("NotADirectoryError", "OSError", "builtins"),
    ("PermissionError", "OSError", "builtins"),
    ("ProcessLookupError", "OSError", "builtins"),
    ("TimeoutError", "OSError", "builtins"),
    ("ReferenceError", "Exception", "builtins"),
    ("RuntimeError", "Exception", "builtins"),
    ("NotImplementedError", "RuntimeError", "builtins"),
    ("RecursionError", "RuntimeError", "builtins"),
    ("StopAsyncIteration", "Exception", "builtins"),
    ("StopIteration", "Exception", "builtins"),
    ("SyntaxError", "Exception", "builtins"),
    ("IndentationError", "SyntaxError", "builtins"),
    ("TabError", "IndentationError", "builtins"),
    ("SystemError", "Exception", "builtins"),
    ("TypeError", "Exception", "builtins"),
    ("ValueError", "Exception", "builtins"),
    ("UnicodeError", "ValueError", "builtins"),
    ("UnicodeDecodeError", "UnicodeError", "builtins"),
    ("UnicodeEncodeError", "UnicodeError", "builtins"),
    ("Warning", "Exception", "builtins"),
    ("UserWarning", "Warning", "builtins"),
    ("DeprecationWarning", "Warning", "builtins"),
    ("URLError", "OSError", "urllib.error"),
    ("HTTPError", "URLError", "urllib.error"),
    ("JSONDecodeError", "ValueError", "json.decoder"),
];

/// CPython 3.11's names for the iterator types the interpreter makes natively
/// ([`crate::objects::NativeIter::type_name`]).
pub(crate) const ITERATOR_TYPES: &[&str] = &[
    "iterator",
    "callable_iterator",
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "memory_iterator",
    "range_iterator",
    "set_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "async_generator_asend",
    "async_generator_athrow",
];

impl BuiltinTypes {
    fn new() -> BuiltinTypes {
        use BuiltinType as B;
        let object = new_class("object", "builtins", None, Some(B::Object));
        let o = Some(&object);
        let c = |name: &str, kind: BuiltinType| new_class(name, "builtins", o, Some(kind));
        let int = c("int", B::Int);
        let bool_ = new_class("bool", "builtins", Some(&int), Some(B::Bool));
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        let mut exception_names = Vec::new();
        for (name, parent, module) in EXCEPTIONS {
            let base = if parent.is_empty() {
                object.clone()
            } else {
                exceptions[parent].clone()
            };
            let class = new_class(name, module, Some(&base), Some(B::Exception));
            if *module == "builtins" {
                exception_names.push(*name);
            }
            exceptions.insert(name, class);
        }
        BuiltinTypes {
            type_: c("type", B::Type),
            none: c("NoneType", B::NoneType),
            not_implemented: c("NotImplementedType", B::NotImplementedType),
            ellipsis: c("ellipsis", B::Ellipsis),
            int,
            bool_,
            float: c("float", B::Float),
            str_: c("str", B::Str),
            bytes: c("bytes", B::Bytes),
            bytearray: c("bytearray", B::ByteArray),
            memoryview: c("memoryview", B::MemoryView),
            complex: c("complex", B::Complex),
            list: c("list", B::List),
            tuple: c("tuple", B::Tuple),
            dict: c("dict", B::Dict),
            set: c("set", B::Set),
            frozenset: c("frozenset", B::FrozenSet),
            range: c("range", B::Range),
            slice: c("slice", B::Slice),
            function: c("function", B::Function),
            builtin_function: c("builtin_function_or_method", B::BuiltinFunction),
            method: c("method", B::Method),
            module: c("module", B::Module),
            generator: c("generator", B::Generator),
            coroutine: c("coroutine", B::Generator),
            async_generator: c("async_generator", B::Generator),
            iterators: ITERATOR_TYPES
                .iter()
                .map(|&name| (name, c(name, B::Iterator)))
                .collect(),
            property: c("property", B::Property),
            staticmethod: c("staticmethod", B::StaticMethod),
            classmethod: c("classmethod", B::ClassMethod),
            super_: c("super", B::Super),
            code: c("code", B::Native),
            text_io: new_class("TextIOWrapper", "_io", o, Some(B::Native)),
            dict_keys: c("dict_keys", B::Native),
            dict_values: c("dict_values", B::Native),
            dict_items: c("dict_items", B::Native),
            random_state: new_class("_RandomState", "random", o, Some(B::Native)),
            object,
            exceptions,
            exception_names,
        }
    }

    /// The class of a native iterator whose type CPython names `name` (one of
    /// [`ITERATOR_TYPES`]; `iterator`, the sequence iterator, for any other).
    pub(crate) fn iterator_class(&self, name: &str) -> Rc<Class> {
        match self.iterators.get(name) {
            Some(c) => c.clone(),
            None => self.iterators["iterator"].clone(),
        }
    }

    /// A built-in exception class by name (panics on a name not in the table: a bug).
    /// The built-in exception class `name`, if there is one.
    pub(crate) fn find_exc(&self, name: &str) -> Option<Rc<Class>> {
        self.exceptions.get(name).cloned()
    }

    pub(crate) fn exc(&self, name: &str) -> Rc<Class> {
        match self.exceptions.get(name) {
            Some(c) => c.clone(),
            None => panic!("unknown built-in exception {name}"),
        }
    }
}

thread_local! {
    static TYPES: &'static BuiltinTypes = {
        let types: &'static BuiltinTypes = Box::leak(Box::new(BuiltinTypes::new()));
        crate::builtins::install_methods(types);
        types
    };
}

/// This thread's built-in classes.
pub(crate) fn types() -> &'static BuiltinTypes {
    TYPES.with(|t| *t)
}
