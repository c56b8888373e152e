/**
 * Docker Hub official images (`docker.io/library/<name>`). `COPY --from=composer` with no stage of
 * that name pulls the image, so a bare name from this list is an external image, not a typo.
 */
export const OFFICIAL_IMAGES: ReadonlySet<string> = new Set([
  'adminer', 'aerospike', 'almalinux', 'alpine', 'alt', 'amazoncorretto', 'amazonlinux', 'api-firewall', 'arangodb',
  'archlinux', 'backdrop', 'bash', 'bonita', 'buildpack-deps', 'busybox', 'caddy', 'cassandra', 'centos', 'chronograf',
  'cirros', 'clearlinux', 'clickhouse', 'clojure', 'composer', 'convertigo', 'couchbase', 'couchdb', 'crate', 'dart',
  'debian', 'docker', 'drupal', 'eclipse-mosquitto', 'eclipse-temurin', 'eggdrop', 'elasticsearch', 'elixir', 'emqx',
  'erlang', 'fedora', 'flink', 'fluentd', 'friendica', 'gazebo', 'gcc', 'geonetwork', 'ghost', 'golang', 'gradle', 'groovy',
  'haproxy', 'haskell', 'haxe', 'hello-world', 'hitch', 'httpd', 'hylang', 'ibm-semeru-runtimes', 'ibmjava', 'influxdb',
  'irssi', 'jetty', 'jobber', 'joomla', 'jruby', 'julia', 'kapacitor', 'kibana', 'kong', 'krakend', 'liquibase',
  'logstash', 'mageia', 'mariadb', 'matomo', 'maven', 'mediawiki', 'memcached', 'mongo', 'mongo-express', 'monica',
  'mono', 'mysql', 'nats', 'neo4j', 'neurodebian', 'nextcloud', 'nginx', 'node', 'odoo', 'open-liberty', 'openjdk',
  'oraclelinux', 'orientdb', 'perl', 'photon', 'php', 'php-zendserver', 'phpmyadmin', 'plone', 'postfixadmin',
  'postgres', 'pypy', 'python', 'r-base', 'rabbitmq', 'rakudo-star', 'redis', 'redmine', 'registry', 'rethinkdb',
  'rocket.chat', 'rockylinux', 'ros', 'ruby', 'rust', 'sapmachine', 'satosa', 'silverpeas', 'sl', 'solr', 'sonarqube',
  'spark', 'spiped', 'storm', 'swift', 'swipl', 'teamspeak', 'telegraf', 'tomcat', 'tomee', 'traefik', 'ubuntu', 'unit',
  'varnish', 'websphere-liberty', 'wordpress', 'xwiki', 'yourls', 'znc', 'zookeeper',
]);
