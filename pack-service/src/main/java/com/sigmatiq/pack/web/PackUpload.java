package com.sigmatiq.pack.web;

import java.util.Map;

/** JSON upload body: the six pack files by name, e.g. {@code {"files": {"pack.yaml": "pack:\n  id: ..."}}}. */
public record PackUpload(Map<String, String> files) {
}
