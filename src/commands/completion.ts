import type { Command } from "commander";
import type { Context } from "../context.js";
import { KnotError } from "../errors.js";
import { cliText } from "../text/cli.js";
import { quote } from "../ui/safe.js";
import { completionSpec, type PathSpec } from "./completion-spec.js";

/**
 * Shell completion. Each script carries knot's commands, subcommands and options (read from the
 * program, see completion-spec.ts), so a TAB for them starts no process; only routine ids,
 * reminder ids and a setting's values are asked of `knot __complete <source>`, which answers
 * from a small entry point without loading the command line.
 */
export const SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof SHELLS)[number];

/** A word in single quotes for sh, bash and zsh. */
const sq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
/** A word in single quotes for fish. */
const fq = (text: string) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The part bash and zsh share: the spec as case tables, and a walk over the words typed that
 * finds the command path, how many arguments follow it, and an option waiting for its value.
 */
function posixTables(specs: PathSpec[]): string {
  const specCases = specs.map((s) => {
    const opts = s.options.flatMap((o) => o.flags).join(" ");
    const valued = s.options.filter((o) => o.value !== undefined).flatMap((o) => o.flags);
    return `    ${sq(s.path)}) _knot_subs=${sq(s.subcommands.map((c) => c.name).join(" "))} _knot_opts=${sq(opts)} _knot_valued=${sq(valued.join(" "))} ;;`;
  });
  const argCases = specs.flatMap((s) =>
    s.args.map((source, i) => {
      const last = i === s.args.length - 1;
      const at = last && s.variadic ? `${sq(`${s.path}:`)}*` : sq(`${s.path}:${i}`);
      return `    ${at}) _knot_src=${sq(source)} ;;`;
    }),
  );
  const valueCases = specs.flatMap((s) =>
    s.options
      .filter((o) => o.value !== undefined)
      .flatMap((o) =>
        o.flags.map((f) => `    ${sq(`${s.path} ${f}`)}) _knot_src=${sq(o.value ?? "")} ;;`),
      ),
  );
  return `_knot_spec() {
  _knot_subs= _knot_opts= _knot_valued=
  case "$1" in
${specCases.join("\n")}
  esac
}
# The words typed before the current one: sets _knot_path, _knot_n (arguments after the path),
# _knot_key (the first of them) and _knot_pending (an option still waiting for its value).
_knot_walk() {
  _knot_path= _knot_n=0 _knot_key= _knot_pending=
  local w
  for w in "$@"; do
    if [ -n "$_knot_pending" ]; then _knot_pending=; continue; fi
    _knot_spec "$_knot_path"
    case "$w" in
      --*=*) continue ;;
      -*) case " $_knot_valued " in *" $w "*) _knot_pending=$w ;; esac; continue ;;
    esac
    if [ "$_knot_n" -eq 0 ] && case " $_knot_subs " in *" $w "*) true ;; *) false ;; esac; then
      _knot_path="\${_knot_path:+$_knot_path }$w"
    else
      [ "$_knot_n" -eq 0 ] && _knot_key=$w
      _knot_n=$((_knot_n + 1))
    fi
  done
}
# What the current word ($1) is completed from: opts, subs, or a source (see knot's
# completion-spec.ts), in _knot_src.
_knot_source() {
  _knot_src=
  if [ -n "$_knot_pending" ]; then
    case "$_knot_path $_knot_pending" in
${valueCases.join("\n")}
    esac
    return
  fi
  _knot_spec "$_knot_path"
  case "$1" in -*) _knot_src=opts; return ;; esac
  if [ "$_knot_n" -eq 0 ] && [ -n "$_knot_subs" ]; then _knot_src=subs; return; fi
  case "$_knot_path:$_knot_n" in
${argCases.join("\n")}
  esac
}
`;
}

function bashScript(specs: PathSpec[]): string {
  return `# knot completion for bash. Add to ~/.bashrc:  source <(knot completion bash)
${posixTables(specs)}
# File names, escaped as they must be typed (a space as "\\ "); a folder is not ended with a space.
_knot_files() {
  local cur=$1 f q
  cur=\${cur#[\\"\\']}
  cur=\${cur//\\\\/}
  while IFS= read -r f; do
    [ -d "$f" ] && f="$f/"
    printf -v q '%q' "$f"
    COMPREPLY+=("$q")
  done < <(compgen -f -- "$cur")
  if [ "\${#COMPREPLY[@]}" -eq 1 ] && [ "\${COMPREPLY[0]%/}" != "\${COMPREPLY[0]}" ]; then
    compopt -o nospace 2>/dev/null
  fi
}
_knot_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]} list
  COMPREPLY=()
  _knot_walk "\${COMP_WORDS[@]:1:COMP_CWORD-1}"
  _knot_source "$cur"
  case "$_knot_src" in
    opts) list=$_knot_opts ;;
    subs) list=$_knot_subs ;;
    words:*) list=\${_knot_src#words:} ;;
    files) _knot_files "$cur"; return ;;
    routines|reminders|config-value) list=$(knot __complete "$_knot_src" "$_knot_key" 2>/dev/null) ;;
    *) return ;;
  esac
  local IFS=$'\\n'
  COMPREPLY=($(IFS=$' \\n'; compgen -W "$list" -- "$cur"))
  if [ "$_knot_src" = routines ] && [ "\${#COMPREPLY[@]}" -eq 0 ]; then _knot_files "$cur"; fi
}
complete -o default -F _knot_complete knot
`;
}

function zshScript(specs: PathSpec[]): string {
  return `#compdef knot
# knot completion for zsh. Add to ~/.zshrc:  source <(knot completion zsh)
# (before or after compinit: without it, knot's completion is set up at the first prompt)
${posixTables(specs)}
_knot() {
  local cur=\${words[CURRENT]}
  local -a found
  _knot_walk "\${(@)words[2,CURRENT-1]}"
  _knot_source "$cur"
  case "$_knot_src" in
    opts) compadd -- \${=_knot_opts} ;;
    subs) compadd -- \${=_knot_subs} ;;
    words:*) compadd -- \${=_knot_src#words:} ;;
    files) _files ;;
    routines)
      found=(\${(f)"$(knot __complete routines 2>/dev/null)"})
      compadd -a found
      _files ;;
    reminders|config-value)
      found=(\${(f)"$(knot __complete "$_knot_src" "$_knot_key" 2>/dev/null)"})
      compadd -a found ;;
  esac
}
if [[ "\${funcstack[1]}" == _knot ]]; then
  _knot "$@"
elif (( $+functions[compdef] )); then
  compdef _knot knot
else
  _knot_register() {
    add-zsh-hook -d precmd _knot_register
    (( $+functions[compdef] )) || { autoload -Uz compinit && compinit -i; }
    compdef _knot knot
  }
  autoload -Uz add-zsh-hook && add-zsh-hook precmd _knot_register
fi
`;
}

function fishSource(source: string): string {
  if (source.startsWith("words:")) return `-x -a ${fq(source.slice("words:".length))}`;
  if (source === "files") return "-r -F";
  if (source === "routines") return "-r -F -a '(__knot_ask routines)'";
  if (source === "reminders" || source === "config-value") return `-x -a '(__knot_ask ${source})'`;
  return "-x";
}

function fishScript(specs: PathSpec[]): string {
  const paths = specs.map((s) => s.path).filter(Boolean);
  const valued = specs.flatMap((s) =>
    s.options
      .filter((o) => o.value !== undefined)
      .flatMap((o) => o.flags.map((f) => `${s.path} ${f}`)),
  );
  const lines: string[] = [];
  for (const s of specs) {
    const at = (n?: number | string) =>
      `-n ${fq(`__knot_at ${sq(s.path)}${n === undefined ? "" : ` ${n}`}`)}`;
    for (const sub of s.subcommands) {
      lines.push(`complete -c knot ${at(0)} -a ${fq(sub.name)} -d ${fq(flat(sub.description))}`);
    }
    for (const o of s.options) {
      const flags = o.flags.map((f) =>
        f.startsWith("--") ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`,
      );
      const value = o.value === undefined ? "" : ` ${fishSource(o.value)}`;
      lines.push(
        `complete -c knot ${at()} ${flags.join(" ")}${value} -d ${fq(flat(o.description))}`,
      );
    }
    s.args.forEach((source, i) => {
      if (!source) return;
      const n = i === s.args.length - 1 && s.variadic ? `+${i}` : i;
      lines.push(`complete -c knot ${at(n)} ${fishSource(source).replace(/^-[rx] /, "")}`);
    });
  }
  return `# knot completion for fish. Save it where fish finds it:
#   knot completion fish > ~/.config/fish/completions/knot.fish
set -g __knot_paths ${paths.map(fq).join(" ")}
set -g __knot_valued ${valued.map(fq).join(" ")}
# The command path typed so far ("remind every") and how many arguments follow it.
function __knot_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -g __knot_key ""
    set -l path ""
    set -l n 0
    set -l skip 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        if string match -q -- '-*' $t
            contains -- (string trim -- "$path $t") $__knot_valued; and set skip 1
            continue
        end
        set -l longer (string trim -- "$path $t")
        if test $n = 0; and contains -- $longer $__knot_paths
            set path $longer
        else
            test $n = 0; and set -g __knot_key $t
            set n (math $n + 1)
        end
    end
    echo $path
    echo $n
end
# True at the path given, with n arguments typed (+n: n or more).
function __knot_at --argument-names want n
    set -l state (__knot_state)
    test "$state[1]" = "$want"; or return 1
    test -z "$n"; and return 0
    if string match -q -- '+*' $n
        test $state[2] -ge (string sub -s 2 -- $n)
    else
        test $state[2] = $n
    end
end
function __knot_ask --argument-names source
    __knot_state >/dev/null
    knot __complete $source $__knot_key 2>/dev/null
end
complete -c knot -f
${lines.join("\n")}
`;
}

const SCRIPTS: Record<Shell, (specs: PathSpec[]) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

/** The completion script for a shell, carrying the program's commands and options. */
export function completionScript(shell: Shell, program: Command): string {
  return SCRIPTS[shell](completionSpec(program));
}

export async function completion(shell: string, program: Command, ctx: Context): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new KnotError(cliText.noShell(SHELLS.join(", "), quote(shell)));
  }
  ctx.stdout.write(completionScript(shell as Shell, program));
  return 0;
}
