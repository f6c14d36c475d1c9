package org.sportello.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two formats of GeoReport v2: the same answer as JSON (an array or an object) or as
 * XML (a root element, one child per item; a list inside an item is wrapped in its plural
 * name with one element per entry in the singular, as {@code <attributes><attribute>} and
 * {@code <formats><format>} in the specification).
 */
final class Open311Format {

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private Open311Format() {
	}

	/** {@code json} or {@code xml}, else null. */
	static String of(String format) {
		return ("json".equals(format) || "xml".equals(format)) ? format : null;
	}

	static ResponseEntity<String> render(ObjectMapper json, String format, HttpStatus status, String root, String item,
			Object body) {
		if ("xml".equals(format)) {
			return ResponseEntity.status(status).contentType(MediaType.TEXT_XML).body(xml(root, item, body));
		}
		try {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(json.writeValueAsString(body));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String xml(String root, String item, Object body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter writer = XML.createXMLStreamWriter(out);
			writer.writeStartDocument("UTF-8", "1.0");
			writer.writeStartElement(root);
			if (body instanceof List<?> list) {
				for (Object entry : list) {
					value(writer, item, entry);
				}
			}
			else {
				fields(writer, (Map<?, ?>) body);
			}
			writer.writeEndElement();
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static void fields(XMLStreamWriter writer, Map<?, ?> map) throws XMLStreamException {
		for (Map.Entry<?, ?> field : map.entrySet()) {
			String name = field.getKey().toString();
			if (field.getValue() instanceof List<?> list) {
				writer.writeStartElement(name);
				String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
				for (Object entry : list) {
					value(writer, singular, entry);
				}
				writer.writeEndElement();
			}
			else {
				value(writer, name, field.getValue());
			}
		}
	}

	private static void value(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
		if (value == null) {
			writer.writeEmptyElement(name);
			return;
		}
		writer.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			fields(writer, map);
		}
		else {
			writer.writeCharacters(value.toString());
		}
		writer.writeEndElement();
	}

}
