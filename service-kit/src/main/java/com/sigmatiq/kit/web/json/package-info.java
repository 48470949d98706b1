/**
 * Strict reading of request bodies: {@link com.sigmatiq.kit.web.json.StrictJsonModule} refuses the NUL character in
 * any string or key, and the kit's server JSON converter also refuses {@code null} inside lists and maps; both name
 * the JSON path and are answered 400 before anything is stored. Responses, Kafka and outgoing HTTP keep the
 * application's ordinary {@code JsonMapper}.
 */
package com.sigmatiq.kit.web.json;
