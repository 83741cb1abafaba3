# Tributary's images for docker-compose.yml.
#   app      the Next.js server (standalone output), what users run against their cluster
#   streams  the demo stream generators, which produce realistic topics into a real Kafka

FROM node:20-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
# Locked versions; optional platform binaries a mirror lacks do not stop the install.
RUN npm install --no-save --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 TRIBUTARY_STANDALONE=1
RUN npx next build

FROM node:20-bookworm-slim AS app
WORKDIR /app
# The server's heap is capped as `npm start` caps it; override NODE_OPTIONS to change it.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 NODE_OPTIONS=--max-old-space-size=512
RUN groupadd --system tributary && useradd --system --gid tributary --home /app tributary
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
RUN mkdir -p /app/.tributary && chown tributary:tributary /app/.tributary
USER tributary
EXPOSE 3000
CMD ["node", "server.js"]

FROM deps AS streams
COPY devstack ./devstack
COPY lib ./lib
COPY tsconfig.json ./
ENV KAFKAJS_NO_PARTITIONER_WARNING=1
CMD ["sh", "-c", "node node_modules/tsx/dist/cli.mjs devstack/streams/main.ts --bootstrap \"$KAFKA_BROKERS\" --history-hours \"${HISTORY_HOURS:-3}\""]
