//! The `pressroom` command line.

use clap::{Parser, Subcommand};
use pressroom::build::{build, BuildReport};
use pressroom::config::{Overrides, SiteConfig};
use std::path::PathBuf;
use std::process::ExitCode;

// Loading and rendering make many small strings on both cores at once; mimalloc's
// per-thread heaps serve them in far fewer instructions than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "pressroom",
    version,
    about = "Turns a folder of press texts into a cross-linked static site"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
    /// Show how one source is read: every field with its reason, the clean body, the
    /// quotes, every removed line and, for a file of the site, its groups.
    Inspect(InspectArgs),
    /// List the speech groups and events, with the evidence for every link.
    Groups(GroupsArgs),
    /// Start a new site in DIR: a commented site.toml, an example text, and the folders
    /// for the site's own templates and static files. It builds at once.
    Init(InitArgs),
    /// Check the site for what a publisher should fix: loader warnings by kind, ambiguous
    /// dates, quotes the full text lacks, ignored sidecars, unknown templates, broken
    /// internal links. Exits 1 when any is an error.
    Check(CheckArgs),
    /// Build the site into a temporary folder and serve it, rebuilding and reloading open
    /// pages whenever a source, sidecar, site.toml, template or static file changes.
    Serve(ServeArgs),
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// The site configuration (default: site.toml, if there is one).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read sources from this folder instead of site.toml's `source`.
    #[arg(long, value_name = "DIR")]
    source: Option<PathBuf>,
    /// The port to listen on (0: any free one).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; anything but loopback lets other machines in.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the site in the system's browser once it is served.
    #[arg(long)]
    open: bool,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The site configuration (default: site.toml, if there is one).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read sources from this folder instead of site.toml's `source`.
    #[arg(long, value_name = "DIR")]
    source: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct InitArgs {
    /// The new site's folder: new, or empty.
    dir: PathBuf,
}

#[derive(Debug, clap::Args)]
struct GroupsArgs {
    /// Only the groups and events with this id, or holding this document (its id or
    /// source path).
    filter: Option<String>,
    /// The site configuration (default: site.toml, if there is one; without one, the
    /// built-in rules).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read sources from this folder instead of site.toml's `source`.
    #[arg(long, value_name = "DIR")]
    source: Option<PathBuf>,
    /// Print api/groups.json instead (every group, unfiltered).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct InspectArgs {
    /// The source file.
    file: PathBuf,
    /// The site configuration; without one, the built-in rules are used.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the typed document as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    /// The site configuration (default: site.toml, if there is one; without one, the
    /// built-in rules, the site titled after the source folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read sources from this folder instead of site.toml's `source`.
    #[arg(long, value_name = "DIR")]
    source: Option<PathBuf>,
    /// Write the site to this folder instead of site.toml's `output`.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The absolute URL the site is published at, e.g. https://example.org/archive/.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Print only errors.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print each warning (by default only a count is printed).
    #[arg(long, short)]
    verbose: bool,
}

/// Exit codes scripts can rely on.
const EXIT_BUILD_FAILED: u8 = 1;
const EXIT_BAD_CONFIG: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => run_build(&args),
        Command::Inspect(args) => run_inspect(&args),
        Command::Groups(args) => run_groups(&args),
        Command::Init(args) => run_init(&args),
        Command::Check(args) => run_check(&args),
        Command::Serve(args) => run_serve(&args),
    }
}

fn run_serve(args: &ServeArgs) -> ExitCode {
    let overrides = Overrides {
        source: args.source.clone(),
        ..Overrides::default()
    };
    let config = match configured(args.config.as_deref(), &overrides) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let options = pressroom::serve::ServeOptions {
        bind: args.bind,
        port: args.port,
        open: args.open,
    };
    match pressroom::serve::serve(config, &options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run_check(args: &CheckArgs) -> ExitCode {
    let overrides = Overrides {
        source: args.source.clone(),
        ..Overrides::default()
    };
    let config = match configured(args.config.as_deref(), &overrides) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let report = match pressroom::check::check(&config) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", pressroom::check::describe(&report));
    if report.errors() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_init(args: &InitArgs) -> ExitCode {
    match pressroom::init::init(&args.dir) {
        Ok(files) => {
            for file in files {
                println!("created {}", file.display());
            }
            println!(
                "Put press texts in {}, then build: cd {} && pressroom build",
                args.dir.join("texts").display(),
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run_inspect(args: &InspectArgs) -> ExitCode {
    let default_config = PathBuf::from("site.toml");
    let config = match &args.config {
        Some(path) => SiteConfig::load(path, &Overrides::default()),
        None if default_config.is_file() => {
            SiteConfig::load(&default_config, &Overrides::default())
        }
        None => Ok(SiteConfig::defaults(std::path::Path::new("."))),
    };
    let config = match config {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_BAD_CONFIG);
        }
    };
    match pressroom::inspect::inspect(&config, &args.file) {
        Ok(inspection) if args.json => match serde_json::to_string_pretty(&inspection) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::from(EXIT_BUILD_FAILED)
            }
        },
        Ok(inspection) => {
            print!("{}", pressroom::inspect::describe(&inspection));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(EXIT_BUILD_FAILED)
        }
    }
}

fn run_groups(args: &GroupsArgs) -> ExitCode {
    let overrides = Overrides {
        source: args.source.clone(),
        ..Overrides::default()
    };
    let config = match configured(args.config.as_deref(), &overrides) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let (collection, diagnostics) = match pressroom::build::collect(&config) {
        Ok(collected) => collected,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_BUILD_FAILED);
        }
    };
    for diagnostic in diagnostics
        .iter()
        .filter(|d| d.severity == pressroom::load::Severity::Error)
    {
        eprintln!("{diagnostic}");
    }
    if args.json {
        let site = pressroom::render::context::SiteContext::new(&config);
        let stdout = std::io::stdout();
        let written = pressroom::render::api::write_groups_json(&site, &collection, stdout.lock());
        if let Err(error) = written {
            eprintln!("error: {error}");
            return ExitCode::from(EXIT_BUILD_FAILED);
        }
        println!();
    } else {
        print!(
            "{}",
            pressroom::groups::describe(&collection, args.filter.as_deref())
        );
    }
    ExitCode::SUCCESS
}

/// The configuration named on the command line, else site.toml where there is one, else
/// the built-in one.
/// The site's configuration, or, when it cannot be read, the error printed and the exit
/// code that says so.
fn configured(
    path: Option<&std::path::Path>,
    overrides: &Overrides,
) -> Result<SiteConfig, ExitCode> {
    site_config(path, overrides).map_err(|error| {
        eprintln!("error: {error}");
        ExitCode::from(EXIT_BAD_CONFIG)
    })
}

fn site_config(
    path: Option<&std::path::Path>,
    overrides: &Overrides,
) -> Result<SiteConfig, pressroom::config::ConfigError> {
    let default_config = std::path::Path::new("site.toml");
    match path {
        Some(path) => SiteConfig::load(path, overrides),
        None if default_config.is_file() => SiteConfig::load(default_config, overrides),
        None => SiteConfig::without_file(overrides),
    }
}

fn run_build(args: &BuildArgs) -> ExitCode {
    let overrides = Overrides {
        source: args.source.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
    };
    let config = match configured(args.config.as_deref(), &overrides) {
        Ok(config) => config,
        Err(code) => return code,
    };
    match build(&config) {
        Ok(report) => {
            print_diagnostics(&report, args);
            if args.verbose {
                for (stage, took) in &report.stages {
                    eprintln!("{stage:>15}: {:.2}s", took.as_secs_f64());
                }
                eprintln!(
                    "{:>15}: {} files, {} bytes",
                    "search index", report.search_files, report.search_bytes
                );
            }
            if !args.quiet {
                println!("{} → {}", report.summary(), config.output.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("the previous output, if any, was left in place");
            ExitCode::from(EXIT_BUILD_FAILED)
        }
    }
}

/// Errors (skipped files) are always printed; warnings only with --verbose, since a large
/// collection can have thousands.
fn print_diagnostics(report: &BuildReport, args: &BuildArgs) {
    use pressroom::load::Severity;
    for diagnostic in &report.diagnostics {
        let show = match diagnostic.severity {
            Severity::Error => true,
            Severity::Warning => args.verbose,
        };
        if show {
            eprintln!("{diagnostic}");
        }
    }
    let hidden = report.warnings();
    if !args.verbose && !args.quiet && hidden > 0 {
        eprintln!(
            "{hidden} loader warning{} (run with --verbose to see them)",
            if hidden == 1 { "" } else { "s" }
        );
    }
}
