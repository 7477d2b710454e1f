/** DOT, Mermaid and text-table renderings of a model, and the generated README section. */
package tlsconf.model.export;
