# One image for the web app, the worker and the migration job (docker-compose.yml picks the
# command). Runs as the unprivileged `node` user, which owns /app.
#   docker build -t yatra .
FROM node:20-bookworm-slim AS base
# ffmpeg + fonts: the worker's local video renderer.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates ffmpeg fonts-noto-core \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir /app && chown node:node /app
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
USER node

# Dependencies first, so source edits reuse this layer. Dev dependencies stay: the worker and
# the migration job run TypeScript through tsx.
FROM base AS deps
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node nodes/package.json nodes/
COPY --chown=node:node db/package.json db/
COPY --chown=node:node workflows/package.json workflows/
COPY --chown=node:node worker/package.json worker/
COPY --chown=node:node web/package.json web/
RUN npm ci --no-audit --no-fund

FROM deps AS app
COPY --chown=node:node . .
RUN cd web && npx next build
ENV NODE_ENV=production
EXPOSE 3000
# The web app; the worker runs `npx tsx worker/src/main.ts` from /app instead.
WORKDIR /app/web
CMD ["npx", "next", "start", "--port", "3000"]
