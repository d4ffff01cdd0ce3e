# The diplograph API on the current Node LTS. Neo4j runs separately (see docker-compose.yml).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The playground's and graph view's own scripts and styles, served as they are.
COPY --from=build /app/src/http/static ./src/http/static
COPY package.json ./
COPY schema ./schema
COPY seed ./seed
USER node
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
