//! What every wasm module the portal fetches only when asked (the posters'
//! QR encoder, the bulletin writer) has in common, with no JavaScript glue:
//!
//! - `input(len)` gives a buffer of `len` bytes for the portal to fill, or
//!   null when the module takes no input that long (so nothing longer than
//!   what a module expects is ever written into its memory);
//! - the module's own calls (`encode`, `write_bulletin`, `check_page`) take
//!   no argument, work on that input and return a number: most often the
//!   length of what they wrote, read from
//! - `output()`, the address of their answer.
//!
//! A module writes `bawaba_module::exports!(MAX);` once, with the most
//! bytes it takes, and reads and answers with the `input_bytes` and
//! `answer` that the macro defines beside its exports. The portal's side is
//! `src/modules.rs`.

/// The exports above, and `input_bytes()` / `answer(bytes) -> usize` for the
/// module's own calls. Only in the wasm build: natively the crate is a
/// library and these do not exist; nor when a module crate is built as a
/// library of another module (its `library` feature: the desk links
/// bawaba-feed, which links the QR encoder and the bulletin writer), where
/// two `input`s would clash.
#[macro_export]
macro_rules! exports {
    ($max:expr) => {
        #[cfg(all(target_arch = "wasm32", not(feature = "library")))]
        static mut INPUT: Vec<u8> = Vec::new();
        #[cfg(all(target_arch = "wasm32", not(feature = "library")))]
        static mut OUTPUT: Vec<u8> = Vec::new();

        #[cfg(all(target_arch = "wasm32", not(feature = "library")))]
        #[no_mangle]
        pub extern "C" fn input(len: usize) -> *mut u8 {
            if len > $max {
                return std::ptr::null_mut();
            }
            // SAFETY: wasm here is single-threaded, and the portal fills the
            // input before the call that reads it.
            let input = unsafe { &mut *std::ptr::addr_of_mut!(INPUT) };
            *input = vec![0; len];
            input.as_mut_ptr()
        }

        #[cfg(all(target_arch = "wasm32", not(feature = "library")))]
        #[no_mangle]
        pub extern "C" fn output() -> *const u8 {
            // SAFETY: as in `input`; the portal reads the output before its next call.
            unsafe { (*std::ptr::addr_of!(OUTPUT)).as_ptr() }
        }

        /// The bytes the portal put in.
        #[cfg(all(target_arch = "wasm32", not(feature = "library")))]
        fn input_bytes() -> &'static [u8] {
            // SAFETY: as in `input`.
            unsafe { &*std::ptr::addr_of!(INPUT) }
        }

        /// Keeps `bytes` as the answer and returns its length.
        #[cfg(all(target_arch = "wasm32", not(feature = "library")))]
        fn answer(bytes: Vec<u8>) -> usize {
            // SAFETY: as in `input`.
            let output = unsafe { &mut *std::ptr::addr_of_mut!(OUTPUT) };
            *output = bytes;
            output.len()
        }
    };
}
