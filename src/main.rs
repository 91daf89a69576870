//! The `knoop` binary: hands the command line to [`knoop::cli::run`].

fn main() -> std::process::ExitCode {
    knoop::cli::run(std::env::args_os().collect())
}
