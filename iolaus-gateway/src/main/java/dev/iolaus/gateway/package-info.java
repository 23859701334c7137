/** The gateway: an OpenAI- and Anthropic-compatible reverse proxy that authenticates, limits, enforces and captures. */
package dev.iolaus.gateway;
