#!/usr/bin/env bash
# Generate the default guided meditations, their WebVTT transcripts, the
# metadata file, the timer bell and the short test fixture.
#
#   bash scripts/audio/generate.sh                 English (the default content)
#   AUDIO_LANG=es bash scripts/audio/generate.sh   Spanish sample (content/samples/es/audio/)
#
# Needs (Debian): sox libsox-fmt-all opus-tools, and the voice: festival festvox-us-slt-hts
# (English) or espeak-ng (Spanish)
# Output: packages/default-program/audio/   (see scripts/audio/README.md)
#
# Deterministic: the same scripts and the same tool versions give byte-identical
# files (fixed Ogg serial numbers, fixed noise seed, no dither, no timestamps).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
FIXTURES_DIR="$HERE/fixtures"

# Language of the set: its scripts, its voice and where it goes. English is the
# shipped default (festival, with the bell and the test fixture); Spanish is the
# sample in content/samples/ (espeak-ng, the only Spanish voice in Debian 12 main).
AUDIO_LANG="${AUDIO_LANG:-en}"
case "$AUDIO_LANG" in
  en)
    TTS=festival
    VOICE="${VOICE:-voice_cmu_us_slt_arctic_hts}"
    SCRIPTS_DIR="$HERE/scripts"
    OUT="${AUDIO_OUT_DIR:-$REPO/packages/default-program/audio}"
    WITH_EXTRAS=1   # the timer bell and the test fixture
    ARTIST="compassion-kit sample content (synthesised voice)"
    ;;
  es)
    TTS=espeak-ng
    VOICE="${VOICE:-es-419+f3}"   # Latin-American Spanish (seseo, understood everywhere), a female variant
    SCRIPTS_DIR="$HERE/es"
    OUT="${AUDIO_OUT_DIR:-$REPO/content/samples/es/audio}"
    WITH_EXTRAS=0   # the player's bell is language-free: the Spanish program uses the default one
    ARTIST="compassion-kit contenido de ejemplo (voz sintetizada)"
    ;;
  *) echo "generate.sh: unknown AUDIO_LANG '$AUDIO_LANG' (en or es)" >&2; exit 1 ;;
esac

# Programme order; this is also the order of meditations.json.
MEDITATIONS=(
  arriving-grounding
  soothing-rhythm-breathing
  mindful-noticing
  safe-place
  compassionate-self
  compassionate-other
  cultivating-compassion
)
FIXTURES=(fixture-short)
((WITH_EXTRAS)) || FIXTURES=()

# Quick preview of some scripts only, e.g. ONLY="safe-place" bash generate.sh.
# Writes to a scratch folder unless AUDIO_OUT_DIR is given, so the shipped
# meditations.json is never replaced by a partial one.
if [[ -n "${ONLY:-}" ]]; then
  read -ra MEDITATIONS <<<"$ONLY"
  OUT="${AUDIO_OUT_DIR:-${TMPDIR:-/tmp}/compassion-audio-preview}"
fi

# ---- tunables (script header lines can override GAP, LEAD and TAIL) ----------
SPEECH_RATE="${SPEECH_RATE:-0.88}"   # festival: hts_engine speed (-r); < 1 is slower
ESPEAK_WPM="${ESPEAK_WPM:-130}"      # espeak-ng: words a minute (its default is 175)
RATE=32000                           # working sample rate (the voice's own)
DEFAULT_GAP=1.5                      # silence between phrases with no [pause]
DEFAULT_LEAD=2.0                     # silence before the first phrase
DEFAULT_TAIL=4.0                     # silence after the last phrase
FADE_IN=1.5
FADE_OUT=3.0
TARGET_RMS_DB=-18                    # loudness of the spoken parts (RMS, dBFS)
PEAK_CEILING_DB=-1.0
# a little warmer and softer, with a gentle soft-knee compressor that only
# touches peaks (above -20 dB, ratio about 1.7:1; no look-ahead, so no delay)
VOICE_EQ=(highpass 70 bass +1.5 160 treble -3 4500 compand 0.005,0.12 6:-20,-20,0,-8 0 -90 0)
ROOM=(reverb 12 70 30 0 0 -6 channels 1)   # a small, quiet room; back to mono
BED_DB="${BED_DB:--44}"             # brown-noise bed RMS in dBFS; "off" disables
OPUS_KBPS=16
MP3_KBPS=24
MP3_RATE=22050
MAX_TOTAL_BYTES=$((12 * 1000 * 1000))

SOX=(sox -D -R -V1)                  # no dither, fixed random seed, errors only

die() { echo "generate.sh: $*" >&2; exit 1; }

if [[ "$TTS" == festival ]]; then TTS_TOOL=text2wave; TTS_PKGS="festival festvox-us-slt-hts"; else TTS_TOOL=espeak-ng; TTS_PKGS=espeak-ng; fi
for tool in sox soxi opusenc opusinfo "$TTS_TOOL" awk cksum sha256sum; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "missing '$tool'. Install: apt-get install -y sox libsox-fmt-all opus-tools $TTS_PKGS"
done
"${SOX[@]}" -n -r 8000 -c 1 -t mp3 /dev/null trim 0 0.1 2>/dev/null ||
  die "sox cannot write MP3. Install: apt-get install -y libsox-fmt-mp3 (or libsox-fmt-all)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/compassion-audio.XXXXXX")"
[[ -n "${KEEP_WORK:-}" ]] && echo "work dir: $WORK" >&2 || trap 'rm -rf "$WORK"' EXIT
CACHE="${AUDIO_TTS_CACHE:-${TMPDIR:-/tmp}/compassion-kit-tts-cache}"
mkdir -p "$CACHE" "$OUT"

if [[ "$TTS" == festival ]]; then
  FESTIVAL_VERSION="$(festival --version 2>&1 | head -n1)"
  TTS_KEY="$FESTIVAL_VERSION"$'\n'"$VOICE"$'\n'"$SPEECH_RATE"   # the cache key the English set has always used
else
  TTS_KEY="$(espeak-ng --version 2>&1 | head -n1)"$'\n'"$VOICE"$'\n'"wpm=$ESPEAK_WPM"
fi

# ---- small helpers -------------------------------------------------------------
trim_ws() { local s="$1"; s="${s#"${s%%[![:space:]]*}"}"; s="${s%"${s##*[![:space:]]}"}"; printf '%s' "$s"; }

# seconds (decimal) -> whole samples at RATE
secs_to_samples() { awk -v s="$1" -v r="$RATE" 'BEGIN { printf "%d", s * r + 0.5 }'; }

# samples -> HH:MM:SS.mmm
vtt_time() {
  awk -v n="$1" -v r="$RATE" 'BEGIN {
    ms = int(n * 1000 / r + 0.5)
    h = int(ms / 3600000); ms -= h * 3600000
    m = int(ms / 60000);   ms -= m * 60000
    s = int(ms / 1000);    ms -= s * 1000
    printf "%02d:%02d:%02d.%03d", h, m, s, ms }'
}

samples_to_secs() { awk -v n="$1" -v r="$RATE" 'BEGIN { printf "%.3f", n / r }'; }

json_escape() { local s="$1"; s="${s//\\/\\\\}"; s="${s//\"/\\\"}"; printf '%s' "$s"; }

vtt_escape() { local s="$1"; s="${s//&/&amp;}"; s="${s//</&lt;}"; s="${s//>/&gt;}"; printf '%s' "$s"; }

stat_db() { # file, field ("RMS lev dB" | "Pk lev dB")
  "${SOX[@]}" "$1" -n stats 2>&1 | awk -v f="$2" 'index($0, f) == 1 { print $NF }'
}

make_silence() { # samples, out
  "${SOX[@]}" -r "$RATE" -c 1 -n -b 16 "$2" trim 0 "$1s"
}

# Synthesise one phrase to a mono RATE wav with edges trimmed (cached by content).
synth_phrase() { # text, out
  local text="$1" out="$2" key
  key="$(printf '%s\n%s\n' "$TTS_KEY" "$text" | sha256sum | cut -c1-32)"
  if [[ ! -s "$CACHE/$key.wav" ]]; then
    printf '%s\n' "$text" >"$WORK/phrase.txt"
    if [[ "$TTS" == festival ]]; then
      text2wave -eval "($VOICE)" \
        -eval "(set! hts_engine_params (append hts_engine_params (list (list \"-r\" $SPEECH_RATE))))" \
        "$WORK/phrase.txt" -o "$WORK/raw.wav" >/dev/null 2>"$WORK/tts.log" ||
        { cat "$WORK/tts.log" >&2; die "festival failed on: $text"; }
    else
      espeak-ng -v "$VOICE" -s "$ESPEAK_WPM" -f "$WORK/phrase.txt" -w "$WORK/raw.wav" >/dev/null 2>"$WORK/tts.log" ||
        { cat "$WORK/tts.log" >&2; die "espeak-ng failed on: $text"; }
    fi
    # trim leading/trailing near-silence, keep 60 ms of air either side
    "${SOX[@]}" "$WORK/raw.wav" -r "$RATE" -c 1 -b 16 "$WORK/trimmed.wav" \
      silence 1 0.01 -50d reverse silence 1 0.01 -50d reverse pad 0.06 0.06
    mv "$WORK/trimmed.wav" "$CACHE/$key.wav.tmp" && mv "$CACHE/$key.wav.tmp" "$CACHE/$key.wav"
  fi
  cp "$CACHE/$key.wav" "$out"
}

ogg_duration() { # opusinfo "Playback length: 4m:02.345s" -> seconds
  opusinfo "$1" | awk '/Playback length:/ {
    v = $NF; sub(/s$/, "", v); split(v, p, "m:"); printf "%.3f", p[1] * 60 + p[2] }'
}

serial_for() { printf '%s' "$1" | cksum | awk '{ print $1 % 2147483647 }'; }

encode() { # final.wav, id, title
  local wav="$1" id="$2" title="$3" opus_kbps="${4:-$OPUS_KBPS}" mp3_kbps="${5:-$MP3_KBPS}" tune="${6:---speech}"
  opusenc --quiet --bitrate "$opus_kbps" "$tune" --serial "$(serial_for "$id")" \
    --title "$title" --artist "$ARTIST" "$wav" "$WORK/$id.ogg"
  "${SOX[@]}" "$wav" --comment "$title" -C "$mp3_kbps.2" "$WORK/$id.mp3" rate -v "$MP3_RATE"
  mv "$WORK/$id.ogg" "$OUT/$id.ogg"
  mv "$WORK/$id.mp3" "$OUT/$id.mp3"
}

# ---- one script -> wav + vtt (+ chapters) ----------------------------------------
# Sets globals: BUILT_TITLE, BUILT_CHAPTERS (JSON fragment or empty)
build_script() { # script file, id
  local file="$1" id="$2"
  local title="$id" gap="$DEFAULT_GAP" lead="$DEFAULT_LEAD" tail="$DEFAULT_TAIL"
  local line trimmed n=0 cursor=0 pending=0 have_pause=0 chapter="" chapter_pause=0
  local segs=() speech=() cues=() chapters=()
  local d s seg

  # header directives first (they may appear anywhere, but apply to the whole script)
  while IFS= read -r line || [[ -n "$line" ]]; do
    trimmed="$(trim_ws "$line")"
    case "$trimmed" in
      "# Title:"*) title="$(trim_ws "${trimmed#\# Title:}")" ;;
      "# Gap:"*)   gap="$(trim_ws "${trimmed#\# Gap:}")" ;;
      "# Lead:"*)  lead="$(trim_ws "${trimmed#\# Lead:}")" ;;
      "# Tail:"*)  tail="$(trim_ws "${trimmed#\# Tail:}")" ;;
    esac
  done <"$file"

  local dir="$WORK/$id"; mkdir -p "$dir"
  local lineno=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    lineno=$((lineno + 1))
    trimmed="$(trim_ws "$line")"
    [[ -z "$trimmed" ]] && continue
    if [[ "$trimmed" =~ ^\#[[:space:]]*Chapter:[[:space:]]*(.+)$ ]]; then
      [[ -n "$chapter" ]] && die "$file:$lineno: chapter '$chapter' has no phrase"
      chapter="$(trim_ws "${BASH_REMATCH[1]}")"; chapter_pause=0
      continue
    fi
    [[ "$trimmed" == \#* ]] && continue
    if [[ "$trimmed" =~ ^\[pause[[:space:]]+([0-9]+(\.[0-9]+)?)\]$ ]]; then
      s="$(secs_to_samples "${BASH_REMATCH[1]}")"
      pending=$((pending + s)); have_pause=1
      [[ -n "$chapter" ]] && chapter_pause=$((chapter_pause + s))
      continue
    fi
    [[ "$trimmed" == \[* ]] && die "$file:$lineno: unknown directive '$trimmed' (expected [pause N])"

    # a phrase: first the silence before it
    if ((n == 0)); then
      s=$(( $(secs_to_samples "$lead") + pending ))
    elif ((have_pause)); then
      s=$pending
    else
      s="$(secs_to_samples "$gap")"
    fi
    if ((s > 0)); then
      seg="$dir/$(printf '%04d' "${#segs[@]}")-sil.wav"; make_silence "$s" "$seg"
      segs+=("$seg"); cursor=$((cursor + s))
    fi
    pending=0; have_pause=0

    if [[ -n "$chapter" ]]; then
      # starts at its first phrase, minus any [pause] written after the chapter line;
      # rounded down so that seeking to it never clips the first word
      local cstart=$((cursor - chapter_pause))
      ((n == 0 || cstart < 0)) && cstart=0
      chapters+=("{ \"start\": $(awk -v n="$cstart" -v r="$RATE" 'BEGIN { printf "%.1f", int(n * 10 / r) / 10 }'), \"title\": \"$(json_escape "$chapter")\" }")
      chapter=""
    fi

    seg="$dir/$(printf '%04d' "${#segs[@]}")-say.wav"
    synth_phrase "$trimmed" "$seg"
    d="$(soxi -s "$seg")"   # exact length in samples (soxi -D / RATE)
    segs+=("$seg"); speech+=("$seg")
    n=$((n + 1))
    cues+=("$n"$'\n'"$(vtt_time "$cursor") --> $(vtt_time $((cursor + d)))"$'\n'"$(vtt_escape "$trimmed")")
    cursor=$((cursor + d))
    printf '.' >&2
  done <"$file"
  ((n > 0)) || die "$file: no phrases"
  [[ -n "$chapter" ]] && die "$file: chapter '$chapter' has no phrase"

  s=$(( pending + $(secs_to_samples "$tail") ))
  seg="$dir/$(printf '%04d' "${#segs[@]}")-sil.wav"; make_silence "$s" "$seg"
  segs+=("$seg"); cursor=$((cursor + s))

  # join, colour, set loudness from the spoken parts only
  "${SOX[@]}" "${segs[@]}" "$dir/joined.wav"
  local got; got="$(soxi -s "$dir/joined.wav")"
  ((got == cursor)) || die "$id: timeline is $cursor samples but the joined file has $got"
  if ((${#speech[@]} > 1)); then "${SOX[@]}" "${speech[@]}" "$dir/speech.wav"; else cp "${speech[0]}" "$dir/speech.wav"; fi
  "${SOX[@]}" "$dir/speech.wav" "$dir/speech-eq.wav" "${VOICE_EQ[@]}"
  local rms gain peak
  rms="$(stat_db "$dir/speech-eq.wav" "RMS lev dB")"
  "${SOX[@]}" "$dir/joined.wav" "$dir/voice-raw.wav" "${VOICE_EQ[@]}" "${ROOM[@]}"
  peak="$(stat_db "$dir/voice-raw.wav" "Pk lev dB")"
  # bring the speech to TARGET_RMS_DB, unless that would push peaks over the ceiling
  gain="$(awk -v t="$TARGET_RMS_DB" -v r="$rms" -v p="$peak" -v c="$PEAK_CEILING_DB" \
          'BEGIN { g = t - r; if (p + g > c) g = c - p; printf "%.2f", g }')"
  "${SOX[@]}" "$dir/voice-raw.wav" "$dir/voice.wav" gain "$gain"
  echo "$id speech-rms=$rms dB peak=$peak dB gain=$gain dB" >>"$WORK/levels.log"

  # optional soft brown-noise bed, then fades
  local fin fout
  fin="$(awk -v f="$FADE_IN" -v l="$lead" 'BEGIN { x = (f < l ? f : l); printf "%.3f", x }')"
  fout="$(awk -v f="$FADE_OUT" -v l="$tail" 'BEGIN { x = (f < l ? f : l); printf "%.3f", x }')"
  if [[ "$BED_DB" != "off" ]]; then
    "${SOX[@]}" -r "$RATE" -c 1 -n -b 16 "$dir/bed-raw.wav" synth "${cursor}s" brownnoise lowpass 900 highpass 40
    local bed_rms bed_gain
    bed_rms="$(stat_db "$dir/bed-raw.wav" "RMS lev dB")"
    bed_gain="$(awk -v t="$BED_DB" -v r="$bed_rms" 'BEGIN { printf "%.2f", t - r }')"
    "${SOX[@]}" "$dir/bed-raw.wav" "$dir/bed.wav" gain "$bed_gain"
    "${SOX[@]}" -m -v 1 "$dir/voice.wav" -v 1 "$dir/bed.wav" "$dir/mixed.wav"
  else
    cp "$dir/voice.wav" "$dir/mixed.wav"
  fi
  "${SOX[@]}" "$dir/mixed.wav" -b 16 "$dir/final.wav" fade q "$fin" "${cursor}s" "$fout"

  got="$(soxi -s "$dir/final.wav")"
  ((got == cursor)) || die "$id: timeline is $cursor samples but the file has $got"

  {
    printf 'WEBVTT\n\nNOTE\n%s. Sample content from compassion-kit, generated by\nscripts/audio/generate.sh from %s.\n' \
      "$(vtt_escape "$title")" "${file#"$REPO"/}"
    local c; for c in "${cues[@]}"; do printf '\n%s\n' "$c"; done
  } >"$WORK/$id.vtt"

  BUILT_TITLE="$title"
  BUILT_CHAPTERS=""
  if ((${#chapters[@]})); then
    BUILT_CHAPTERS="$(IFS=','; printf '%s' "${chapters[*]}" | sed 's/},{/}, {/g')"
  fi
  BUILT_WAV="$dir/final.wav"
}

# ---- bell ------------------------------------------------------------------------
build_bell() {
  local dir="$WORK/bell"; mkdir -p "$dir"
  local br=48000 len=4.0 parts=() i=0
  # frequency, relative amplitude, time (s) for the partial to fall by ~100 dB
  local spec=(
    "294.0 1.00 14"
    "295.6 0.55 14"   # a close twin: the slow beating of a singing bowl
    "811.4 0.40 9"
    "1587.6 0.16 5"
    "2616.6 0.06 2.5"
  )
  local f a t
  for p in "${spec[@]}"; do
    read -r f a t <<<"$p"
    "${SOX[@]}" -r "$br" -c 1 -n "$dir/p$i.wav" synth "$t" sine "$f" fade l 0.012 "$t" "$t" trim 0 "$len"
    parts+=(-v "$a" "$dir/p$i.wav"); i=$((i + 1))
  done
  "${SOX[@]}" -m "${parts[@]}" "$dir/mix.wav"
  "${SOX[@]}" "$dir/mix.wav" -b 16 "$dir/room.wav" pad 0 0.6 reverb 30 60 60 100 0 -4 trim 0 "$len" \
    fade t 0 "$len" 1.2 norm -8
  encode "$dir/room.wav" bell "Timer bell" 24 32 --music
}

# ---- run ---------------------------------------------------------------------------
declare -a JSON_ROWS=()

build_one() { # dir id kind
  local file="$2/$1.txt" id="$1"
  [[ -f "$file" ]] || die "missing script $file"
  printf '%-28s ' "$id" >&2
  build_script "$file" "$id"
  encode "$BUILT_WAV" "$id" "$BUILT_TITLE"
  mv "$WORK/$id.vtt" "$OUT/$id.vtt"
  printf ' ok\n' >&2
}

for id in "${MEDITATIONS[@]}"; do
  build_one "$id" "$SCRIPTS_DIR"
  dur="$(ogg_duration "$OUT/$id.ogg" | awk '{ printf "%.1f", $1 }')"
  row="  { \"id\": \"$(json_escape "$id")\", \"title\": \"$(json_escape "$BUILT_TITLE")\", \"duration\": $dur"
  [[ -n "$BUILT_CHAPTERS" ]] && row+=", \"chapters\": [$BUILT_CHAPTERS]"
  JSON_ROWS+=("$row }")
done
for id in "${FIXTURES[@]}"; do build_one "$id" "$FIXTURES_DIR"; done
if ((WITH_EXTRAS)); then printf '%-28s ' bell >&2; build_bell; printf ' ok\n' >&2; fi

{
  printf '[\n'
  for i in "${!JSON_ROWS[@]}"; do
    printf '%s' "${JSON_ROWS[$i]}"
    ((i < ${#JSON_ROWS[@]} - 1)) && printf ','
    printf '\n'
  done
  printf ']\n'
} >"$WORK/meditations.json"
mv "$WORK/meditations.json" "$OUT/meditations.json"

# ---- checks and report ---------------------------------------------------------------
fail=0
printf '\n%-36s %10s %10s\n' file bytes seconds
for f in "$OUT"/*; do
  [[ -f "$f" ]] || continue
  name="${f##*/}"; size="$(stat -c %s "$f")"; dur="-"
  case "$name" in
    *.ogg) dur="$(ogg_duration "$f")" ;;
    *.mp3) dur="$(soxi -D "$f" | awk '{ printf "%.3f", $1 }')" ;;
  esac
  printf '%-36s %10s %10s\n' "$name" "$size" "$dur"
  if [[ "$name" == *.vtt ]]; then
    ogg="${f%.vtt}.ogg"
    last="$(grep -- '-->' "$f" | tail -n1 | awk '{ split($3, t, ":"); printf "%.3f", t[1] * 3600 + t[2] * 60 + t[3] }')"
    if [[ -f "$ogg" ]] && awk -v l="$last" -v d="$(ogg_duration "$ogg")" 'BEGIN { exit !(l >= d) }'; then
      echo "FAIL: last cue of $name ends at $last s, not before the end of the audio" >&2; fail=1
    fi
  fi
done
for id in "${MEDITATIONS[@]}"; do
  d="$(ogg_duration "$OUT/$id.ogg")"
  awk -v d="$d" 'BEGIN { exit !(d < 180 || d > 400) }' &&
    { echo "FAIL: $id is $d s (want 180-400 s)" >&2; fail=1; }
done
total="$(du -cb "$OUT"/* | tail -n1 | cut -f1)"
printf '%-36s %10s  (%s MB, limit %s MB)\n' TOTAL "$total" \
  "$(awk -v t="$total" 'BEGIN { printf "%.2f", t / 1e6 }')" "$((MAX_TOTAL_BYTES / 1000000))"
((total <= MAX_TOTAL_BYTES)) || { echo "FAIL: $OUT is over the size limit" >&2; fail=1; }
exit "$fail"
