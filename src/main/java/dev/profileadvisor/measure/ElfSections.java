package dev.profileadvisor.measure;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The section names of an ELF file (64- or 32-bit, either byte order): enough to tell whether a binary kept its
 * symbol table ({@code .symtab}), line tables ({@code .debug_line}) and debug info ({@code .debug_info}).
 */
final class ElfSections {
    private ElfSections() {
    }

    /**
     * What a binary kept.
     *
     * @param symbols    a symbol table ({@code .symtab})
     * @param lineTables line tables ({@code .debug_line})
     * @param debugInfo  debug info about types and variables ({@code .debug_info} with more than line tables is not
     *                   told apart: {@code .debug_info} is present with line tables too)
     */
    record Kept(boolean symbols, boolean lineTables, boolean debugInfo) {
    }

    /**
     * @param file a file
     * @return what it kept, empty when it is not an ELF file (macOS, Windows) or cannot be read
     */
    static Optional<Kept> kept(Path file) {
        return names(file).map(n -> new Kept(n.contains(".symtab"), n.contains(".debug_line"),
                n.contains(".debug_info") && (n.contains(".debug_loclists") || n.contains(".debug_loc") || n.contains(".debug_types")
                        || n.contains(".debug_rnglists") && n.contains(".debug_str_offsets"))));
    }

    /**
     * @param file a file
     * @return its section names, empty when it is not ELF
     */
    static Optional<Set<String>> names(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] ident = new byte[16];
            if (f.read(ident) != 16 || ident[0] != 0x7f || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F') return Optional.empty();
            boolean wide = ident[4] == 2;
            ByteOrder order = ident[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ByteBuffer h = read(f, 0, wide ? 64 : 52, order);
            long shoff = wide ? h.getLong(0x28) : Integer.toUnsignedLong(h.getInt(0x20));
            int shentsize = Short.toUnsignedInt(h.getShort(wide ? 0x3A : 0x2E));
            int shnum = Short.toUnsignedInt(h.getShort(wide ? 0x3C : 0x30));
            int shstrndx = Short.toUnsignedInt(h.getShort(wide ? 0x3E : 0x32));
            if (shoff == 0 || shnum == 0 || shstrndx >= shnum || shentsize < (wide ? 64 : 40)) return Optional.of(Set.of());
            ByteBuffer sections = read(f, shoff, (long) shentsize * shnum, order);
            int strBase = shstrndx * shentsize;
            long strOff = wide ? sections.getLong(strBase + 0x18) : Integer.toUnsignedLong(sections.getInt(strBase + 0x10));
            long strSize = wide ? sections.getLong(strBase + 0x20) : Integer.toUnsignedLong(sections.getInt(strBase + 0x14));
            if (strSize > 16 << 20) return Optional.of(Set.of());
            ByteBuffer strings = read(f, strOff, strSize, order);
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < shnum; i++) {
                int nameOff = sections.getInt(i * shentsize);
                if (nameOff < 0 || nameOff >= strSize) continue;
                StringBuilder name = new StringBuilder();
                for (int j = nameOff; j < strSize && strings.get(j) != 0; j++) name.append((char) strings.get(j));
                out.add(name.toString());
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ByteBuffer read(RandomAccessFile f, long offset, long length, ByteOrder order) throws IOException {
        if (length > Integer.MAX_VALUE || offset + length > f.length()) throw new IOException("truncated ELF file");
        byte[] b = new byte[(int) length];
        f.seek(offset);
        f.readFully(b);
        return ByteBuffer.wrap(b).order(order);
    }
}
