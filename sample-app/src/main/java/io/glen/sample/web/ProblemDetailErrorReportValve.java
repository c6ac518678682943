package io.glen.sample.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's error report as {@code application/problem+json} instead of an HTML page. Tomcat answers
 * some requests itself, before Spring MVC sees them (an encoded slash or a NUL in the path): those
 * 400s now look like every other error of the API.
 */
public class ProblemDetailErrorReportValve extends ErrorReportValve {

    private static final StringManager HTTP = StringManager.getManager("jakarta.servlet.http");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = HTTP.getString("http." + status + ".desc");
        String reason = title == null || title.startsWith("http.") ? "Error" : title;
        String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(phrase(status, reason)) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail(status)) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to report to
        }
    }

    private static String phrase(int status, String fallback) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 500 -> "Internal Server Error";
            default -> fallback;
        };
    }

    private static String detail(int status) {
        return status == 400 ? "the request line or path is malformed (for example an encoded '/' or a NUL in the path)"
                : "the server could not process the request";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
