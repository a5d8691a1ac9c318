package io.driftwatch.cli.report;

import io.driftwatch.finding.Finding;
import io.driftwatch.finding.Level;
import io.driftwatch.probe.ProbeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins, GitLab and GitHub test reporters read it: one {@code <testsuite>} per probe,
 * one {@code <testcase>} per check, {@code <failure>} for FAIL findings and {@code <system-out>} for
 * warnings. Transport failures (no response) appear as a failed {@code request} test case.
 */
public final class JunitReport {
    private JunitReport() {}

    public static void write(Path file, List<ProbeResult> results, UnaryOperator<String> redact) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "driftwatch");
            w.writeAttribute(
                    "tests",
                    String.valueOf(
                            results.stream().mapToInt(r -> cases(r).size()).sum()));
            w.writeAttribute(
                    "failures",
                    String.valueOf(
                            results.stream().mapToLong(JunitReport::failedCases).sum()));
            for (ProbeResult r : results) suite(w, r, redact);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML to " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> cases(ProbeResult r) {
        var names = new java.util.LinkedHashSet<String>();
        names.add("request");
        names.addAll(r.checks());
        return List.copyOf(names);
    }

    private static long failedCases(ProbeResult r) {
        return cases(r).stream()
                .filter(c -> findingsFor(r, c).stream().anyMatch(f -> f.level() == Level.FAIL))
                .count();
    }

    private static List<Finding> findingsFor(ProbeResult r, String check) {
        return r.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    private static void suite(XMLStreamWriter w, ProbeResult r, UnaryOperator<String> redact)
            throws XMLStreamException {
        double seconds = r.exchange() == null ? 0 : r.exchange().totalSeconds();
        List<String> cases = cases(r);
        w.writeCharacters("\n  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", r.probeId());
        w.writeAttribute("tests", String.valueOf(cases.size()));
        w.writeAttribute("failures", String.valueOf(failedCases(r)));
        w.writeAttribute("errors", "0");
        w.writeAttribute("timestamp", r.startedAt().toString());
        w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
        for (String c : cases) {
            w.writeCharacters("\n    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", r.probeId());
            w.writeAttribute("name", c);
            w.writeAttribute("time", c.equals("request") ? String.format(Locale.ROOT, "%.3f", seconds) : "0");
            for (Finding f : findingsFor(r, c)) {
                if (f.level() == Level.FAIL) {
                    w.writeStartElement("failure");
                    w.writeAttribute("type", f.kind());
                    w.writeAttribute("message", redact.apply(f.message()));
                    w.writeCharacters(redact.apply(evidence(f)));
                    w.writeEndElement();
                } else {
                    w.writeStartElement("system-out");
                    w.writeCharacters(
                            redact.apply(f.level() + " " + f.kind() + ": " + f.message() + "\n" + evidence(f)));
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }

    private static String evidence(Finding f) {
        var sb = new StringBuilder();
        f.evidence().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
